#include "deploy_servers.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <random>
#include <thread>
#include <vector>

namespace zhuanlan::testing {
namespace fs = std::filesystem;
namespace {

const std::string kS3Suffix = "._S3rver_object";

// A port nobody listens on now (the kernel picks it; closed again at once).
int free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(fd);
  return ntohs(address.sin_port);
}

bool port_open(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool open = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  ::close(fd);
  return open;
}

// Starts argv[0] (an absolute path) with its output in log; the child dies
// with the test process.
pid_t spawn(const std::vector<std::string>& argv, const fs::path& log, const std::map<std::string, std::string>& env = {}) {
  const pid_t pid = ::fork();
  if (pid != 0) return pid;
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  const int out = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  ::dup2(out, 1);
  ::dup2(out, 2);
  const int in = ::open("/dev/null", O_RDONLY);
  ::dup2(in, 0);
  for (const auto& [name, value] : env) ::setenv(name.c_str(), value.c_str(), 1);
  std::vector<char*> args;
  for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  ::execv(args[0], args.data());
  ::_exit(127);
}

std::string random_word(const std::string& prefix) {
  std::random_device device;
  return prefix + std::to_string(device()) + std::to_string(device());
}

bool run_quietly(const std::string& command, std::string* error) {
  const CommandRun run = run_command(command);
  if (run.status == 0) return true;
  *error = "`" + command + "` failed: " + run.output;
  return false;
}

std::string user_name() {
  const passwd* entry = ::getpwuid(::getuid());
  return entry != nullptr ? entry->pw_name : "root";
}

std::string quoted(const fs::path& path) { return "'" + path.string() + "'"; }

// A self-signed certificate for 127.0.0.1 (key.pem, cert.pem) that the
// deploy is told to trust through ZHUANLAN_DEPLOY_CA.
bool make_certificate(const fs::path& dir, std::string* error) {
  return run_quietly("openssl req -x509 -newkey rsa:2048 -nodes -keyout " + quoted(dir / "key.pem") + " -out " +
                         quoted(dir / "cert.pem") + " -days 2 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1",
                     error);
}

}  // namespace

std::string server_kind_name(ServerKind kind) {
  switch (kind) {
    case ServerKind::sftp: return "Sftp";
    case ServerKind::ftp: return "Ftp";
    case ServerKind::ftps: return "Ftps";
    case ServerKind::webdav: return "Webdav";
    case ServerKind::webdav_https: return "WebdavHttps";
    case ServerKind::s3: return "S3";
  }
  return "";
}

const char* lookup(const std::map<std::string, std::string>& env, const char* name) {
  const auto it = env.find(name);
  return it == env.end() ? nullptr : it->second.c_str();
}

std::unique_ptr<TestServer> TestServer::start(ServerKind kind, std::string* error) {
  std::unique_ptr<TestServer> server(new TestServer(kind));
  const fs::path dir = server->dir_.path();
  server->port_ = free_port();
  const std::string port = std::to_string(server->port_);
  std::vector<std::string> argv;
  std::map<std::string, std::string> env;
  const fs::path log = dir / "server.log";
  switch (kind) {
    case ServerKind::sftp: {
      server->secret_ = random_word("key-passphrase-");
      if (!run_quietly("ssh-keygen -q -t ed25519 -N '' -f " + quoted(dir / "host_key"), error) ||
          !run_quietly("ssh-keygen -q -t ed25519 -N '' -f " + quoted(dir / "other_host_key"), error) ||
          !run_quietly("ssh-keygen -q -t ed25519 -N '" + server->secret_ + "' -f " + quoted(dir / "client_key"), error) ||
          !run_quietly("ssh-keygen -q -t ed25519 -N '' -f " + quoted(dir / "wrong_key"), error)) {
        return nullptr;
      }
      fs::copy_file(dir / "client_key.pub", dir / "authorized_keys");
      const std::string host = "[127.0.0.1]:" + port + " ";
      write_text(dir / "known_hosts", host + read_text(dir / "host_key.pub"));
      write_text(dir / "changed_known_hosts", host + read_text(dir / "other_host_key.pub"));
      write_text(dir / "other_known_hosts", "[127.0.0.1]:1 " + read_text(dir / "host_key.pub"));
      fs::create_directories(dir / "remote");
      write_text(dir / "sshd_config", "Port " + port + "\nListenAddress 127.0.0.1\nHostKey " + (dir / "host_key").string() +
                                          "\nPidFile " + (dir / "sshd.pid").string() + "\nAuthorizedKeysFile " +
                                          (dir / "authorized_keys").string() +
                                          "\nStrictModes no\nPasswordAuthentication no\nKbdInteractiveAuthentication no\n"
                                          "PubkeyAuthentication yes\nUsePAM no\nPermitRootLogin prohibit-password\n"
                                          "Subsystem sftp internal-sftp\nAllowUsers " + user_name() + "\n");
      // sshd started by root wants its privilege separation folder.
      if (::getuid() == 0) ::mkdir("/run/sshd", 0755);
      argv = {"/usr/sbin/sshd", "-D", "-e", "-f", (dir / "sshd_config").string()};
      break;
    }
    case ServerKind::ftp:
    case ServerKind::ftps: {
      server->secret_ = random_word("ftp-password-");
      const fs::path root = dir / "ftproot";
      fs::create_directories(root);
      // Virtual users map to a system account; root may not log in.
      const uid_t uid = ::getuid() == 0 ? 65534 : ::getuid();
      const gid_t gid = ::getuid() == 0 ? 65534 : ::getgid();
      if (::chown(root.c_str(), uid, gid) != 0) {
        *error = "cannot hand " + root.string() + " to the FTP user";
        return nullptr;
      }
      // The password is stored as SHA-512 crypt: pure-pw's own argon2id
      // takes two seconds a login.
      const CommandRun hash = run_command("openssl passwd -6 '" + server->secret_ + "'");
      std::string line = hash.output;
      while (!line.empty() && line.back() == '\n') line.pop_back();
      if (hash.status != 0 || line.empty()) {
        *error = "openssl passwd failed: " + hash.output;
        return nullptr;
      }
      write_text(dir / "passwd", "web:" + line + ":" + std::to_string(uid) + ":" + std::to_string(gid) + "::" +
                                     root.string() + "/./::::::::::::\n");
      if (!run_quietly("pure-pw mkdb " + quoted(dir / "users.pdb") + " -f " + quoted(dir / "passwd"), error) ||
          !make_certificate(dir, error)) {
        return nullptr;
      }
      write_text(dir / "pure.pem", read_text(dir / "key.pem") + read_text(dir / "cert.pem"));
      // -Y 2 refuses sessions without TLS: the FTPS server proves that the
      // deploy used it.
      argv = {"/usr/sbin/pure-ftpd", "-S", "127.0.0.1," + port, "-l", "puredb:" + (dir / "users.pdb").string(), "-E", "-H",
              "-A", "-u", "1", "-Y", kind == ServerKind::ftps ? "2" : "0", "-2", (dir / "pure.pem").string()};
      break;
    }
    case ServerKind::webdav:
    case ServerKind::webdav_https: {
      server->secret_ = random_word("dav-password-");
      fs::create_directories(dir / "dav");
      fs::create_directories(dir / "body");
      write_text(dir / "htpasswd", "web:{PLAIN}" + server->secret_ + "\n");
      const bool https = kind == ServerKind::webdav_https;
      if (https && !make_certificate(dir, error)) return nullptr;
      const std::string d = dir.string();
      write_text(dir / "nginx.conf",
                 "daemon off;\nmaster_process off;\npid " + d + "/nginx.pid;\nerror_log " + d +
                     "/error.log;\nevents { worker_connections 64; }\nhttp {\n  access_log off;\n  client_body_temp_path " +
                     d + "/body;\n  server {\n    listen 127.0.0.1:" + port + (https ? " ssl" : "") + ";\n" +
                     (https ? "    ssl_certificate " + d + "/cert.pem;\n    ssl_certificate_key " + d + "/key.pem;\n" : "") +
                     "    root " + d + "/dav;\n    client_max_body_size 100m;\n    location / {\n"
                     "      dav_methods PUT DELETE MKCOL;\n      auth_basic \"zhuanlan\";\n      auth_basic_user_file " +
                     d + "/htpasswd;\n    }\n  }\n}\n");
      argv = {"/usr/sbin/nginx", "-p", d, "-c", d + "/nginx.conf", "-e", d + "/error.log"};
      break;
    }
    case ServerKind::s3: {
      server->secret_ = random_word("s3-secret-");
      fs::create_directories(dir / "s3");
      const CommandRun node = run_command("command -v node");
      std::string node_path = node.output;
      while (!node_path.empty() && node_path.back() == '\n') node_path.pop_back();
      if (node.status != 0 || node_path.empty()) {
        *error = "node not found";
        return nullptr;
      }
      argv = {node_path, (source_dir() / "tests/servers/s3rver.cjs").string(), port, (dir / "s3").string(), "ZHUANLANTESTKEY",
              server->secret_};
      env["NODE_PATH"] = (source_dir() / "node_modules").string();
      break;
    }
  }
  if (!fs::exists(argv[0])) {
    *error = argv[0] + " is not installed (scripts/install-deps test installs it)";
    return nullptr;
  }
  server->pid_ = spawn(argv, log, env);
  // Bounded wait for the server to listen: 15 s at most.
  for (int i = 0; i < 300 && !port_open(server->port_); ++i) {
    int status = 0;
    if (::waitpid(server->pid_, &status, WNOHANG) == server->pid_) {
      server->pid_ = -1;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  if (server->pid_ < 0 || !port_open(server->port_)) {
    *error = server_kind_name(kind) + " server did not start: " + read_text(log);
    return nullptr;
  }
  return server;
}

TestServer::~TestServer() {
  if (pid_ > 0) {
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }
}

std::string TestServer::deploy_url(const std::string& folder) const {
  const std::string port = std::to_string(port_);
  switch (kind_) {
    case ServerKind::sftp: return "sftp://" + user_name() + "@127.0.0.1:" + port + (dir_.path() / "remote" / folder).string() + "/";
    case ServerKind::ftp: return "ftp://web@127.0.0.1:" + port + "/" + folder + "/";
    case ServerKind::ftps: return "ftps://web@127.0.0.1:" + port + "/" + folder + "/";
    case ServerKind::webdav: return "http://web@127.0.0.1:" + port + "/" + folder + "/";
    case ServerKind::webdav_https: return "https://web@127.0.0.1:" + port + "/" + folder + "/";
    case ServerKind::s3: return "s3://site/" + folder + "/";
  }
  return "";
}

std::string TestServer::endpoint() const {
  return kind_ == ServerKind::s3 ? "http://127.0.0.1:" + std::to_string(port_) : "";
}

std::string TestServer::deploy_json(const std::string& folder) const {
  std::string json = "\"deploy\": { \"url\": \"" + deploy_url(folder) + "\"";
  if (kind_ == ServerKind::s3) json += ", \"endpoint\": \"" + endpoint() + "\", \"region\": \"us-east-1\"";
  return json + " }";
}

std::map<std::string, std::string> TestServer::environment(bool right_credentials) const {
  const fs::path dir = dir_.path();
  std::map<std::string, std::string> env{{"HOME", (dir / "home").string()}};
  switch (kind_) {
    case ServerKind::sftp:
      env["ZHUANLAN_KNOWN_HOSTS"] = (dir / "known_hosts").string();
      env["ZHUANLAN_DEPLOY_KEY"] = (dir / (right_credentials ? "client_key" : "wrong_key")).string();
      if (right_credentials) env["ZHUANLAN_DEPLOY_PASSWORD"] = secret_;
      break;
    case ServerKind::ftps:
    case ServerKind::webdav_https:
      env["ZHUANLAN_DEPLOY_CA"] = (dir / "cert.pem").string();
      [[fallthrough]];
    case ServerKind::ftp:
    case ServerKind::webdav:
      env["ZHUANLAN_DEPLOY_PASSWORD"] = right_credentials ? secret_ : "not-the-password";
      break;
    case ServerKind::s3:
      // A wrong secret: the front in s3rver.cjs checks the signature.
      env["ZHUANLAN_S3_KEY_ID"] = "ZHUANLANTESTKEY";
      env["ZHUANLAN_S3_SECRET"] = right_credentials ? secret_ : "not-the-secret";
      break;
  }
  return env;
}

fs::path TestServer::disk(const std::string& folder) const {
  switch (kind_) {
    case ServerKind::sftp: return dir_.path() / "remote" / folder;
    case ServerKind::ftp:
    case ServerKind::ftps: return dir_.path() / "ftproot" / folder;
    case ServerKind::webdav:
    case ServerKind::webdav_https: return dir_.path() / "dav" / folder;
    case ServerKind::s3: return dir_.path() / "s3" / "site" / folder;
  }
  return {};
}

std::string TestServer::file_key(const fs::path& file, const fs::path& root) const {
  std::string key = file.lexically_relative(root).generic_string();
  if (kind_ != ServerKind::s3) return key;
  if (key.size() <= kS3Suffix.size() || key.compare(key.size() - kS3Suffix.size(), kS3Suffix.size(), kS3Suffix) != 0) return "";
  return key.substr(0, key.size() - kS3Suffix.size());
}

std::map<std::string, std::string> TestServer::files(const std::string& folder) const {
  std::map<std::string, std::string> out;
  const fs::path root = disk(folder);
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    const std::string key = file_key(it->path(), root);
    if (!key.empty()) out[key] = read_text(it->path());
  }
  return out;
}

void TestServer::age_files(const std::string& folder) const {
  const auto old = fs::file_time_type::clock::now() - std::chrono::hours(24 * 365 * 20);
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(disk(folder), ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (it->is_regular_file()) fs::last_write_time(it->path(), old);
  }
}

std::set<std::string> TestServer::files_written_since_aged(const std::string& folder) const {
  const auto recent = fs::file_time_type::clock::now() - std::chrono::hours(24 * 365);
  const fs::path root = disk(folder);
  std::set<std::string> out;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file() || fs::last_write_time(it->path()) < recent) continue;
    const std::string key = file_key(it->path(), root);
    if (!key.empty()) out.insert(key);
  }
  return out;
}

}  // namespace zhuanlan::testing

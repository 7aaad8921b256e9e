// The online exhibition of the demo site as a visitor meets it: every exhibit
// reachable by links from the exhibition's first page, the guided route
// through all departments, QR codes that lead phones to the right page, and
// the highlights on the home page.
#include <gtest/gtest.h>

#include <deque>
#include <regex>
#include <set>

#include "load/achievement_loader.h"
#include "load/image_refs.h"
#include "load/site_config.h"
#include "test_support.h"
#include "write/build_site.h"

namespace zhuanlan {
namespace {

namespace fs = std::filesystem;

const std::string kBaseUrl = "https://zjz.example.org/2025/";

// Builds the demo site once for all tests of this file, with a base URL of
// its own so that QR codes are seen to follow it.
class DemoExhibition : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    out_ = new testing::TempDir;
    BuildOptions options;
    options.site_dir = testing::source_dir();
    options.out_dir = out_->path() / "public";
    options.base_url = kBaseUrl;
    const BuildResult result = build_site(options);
    for (const auto& d : result.diagnostics.items) ADD_FAILURE() << format_diagnostic(d);
    ASSERT_TRUE(result.ok);
    files_ = new std::map<std::string, std::string>(testing::read_tree(options.out_dir));
  }
  static void TearDownTestSuite() {
    delete files_;
    delete out_;
  }

  static const std::string& page(const std::string& path) {
    static const std::string missing;
    const auto it = files_->find(path);
    EXPECT_NE(it, files_->end()) << path << " was not written";
    return it == files_->end() ? missing : it->second;
  }

  // Site-relative targets of the page's relative links (href only), with an
  // optional rel attribute that must precede href.
  static std::vector<std::string> links(const std::string& path, const std::string& rel = "") {
    const std::regex pattern(rel.empty() ? R"re(href="([^"#:]+\.html)[^"]*")re"
                                         : "rel=\"" + rel + R"re(" href="([^"#:]+\.html)[^"]*")re");
    std::vector<std::string> out;
    const std::string& html = page(path);
    for (auto it = std::sregex_iterator(html.begin(), html.end(), pattern); it != std::sregex_iterator(); ++it) {
      out.push_back((fs::path(path).parent_path() / (*it)[1].str()).lexically_normal().generic_string());
    }
    return out;
  }

  static std::vector<Achievement> demo_achievements() {
    Diagnostics ignored;
    const auto site = load_site_config(testing::source_dir(), "", ignored);
    ImageHeaders headers;
    return load_achievements({testing::source_dir(), *site, headers}, ignored);
  }

  static testing::TempDir* out_;
  static std::map<std::string, std::string>* files_;
};

// exhibition/<id>.html, the page of one exhibit.
bool is_exhibit_page(const std::string& path) {
  const std::string folder = "exhibition/";
  return path.rfind(folder, 0) == 0 && path.find('/', folder.size()) == std::string::npos &&
         path != "exhibition/index.html";
}

testing::TempDir* DemoExhibition::out_ = nullptr;
std::map<std::string, std::string>* DemoExhibition::files_ = nullptr;

TEST_F(DemoExhibition, DemoContentCoversWhatTheIssueAsksFor) {
  const auto achievements = demo_achievements();
  std::set<std::string> departments, levels, csv_files;
  for (const auto& a : achievements) {
    departments.insert(a.department);
    levels.insert(a.level);
    if (a.source.size() > 4 && a.source.substr(a.source.size() - 4) == ".csv") csv_files.insert(a.source);
  }
  EXPECT_GE(departments.size(), 5u);
  for (const char* level : {"国家级", "省级", "市级", "校级"}) EXPECT_EQ(levels.count(level), 1u) << level;
  EXPECT_GE(csv_files.size(), 2u);  // the GBK file and the UTF-8 file with a BOM
  std::size_t people = 0;
  for (const auto& [path, bytes] : *files_) {
    if (path.rfind("people/", 0) == 0 && path != "people/index.html") ++people;
  }
  EXPECT_GE(people, 6u);
}

TEST_F(DemoExhibition, EveryExhibitIsReachableFromTheExhibitionsFirstPageByLinks) {
  // Crawl the exhibition's own pages only, so that the main navigation does
  // not stand in for the exhibition's links.
  std::set<std::string> seen = {"exhibition/index.html"};
  std::deque<std::string> queue = {"exhibition/index.html"};
  while (!queue.empty()) {
    const std::string current = queue.front();
    queue.pop_front();
    for (const auto& target : links(current)) {
      if (target.rfind("exhibition/", 0) != 0 || !seen.insert(target).second) continue;
      ASSERT_EQ(files_->count(target), 1u) << current << " links to missing " << target;
      queue.push_back(target);
    }
  }
  const auto achievements = demo_achievements();
  ASSERT_GE(achievements.size(), 15u);
  for (const auto& a : achievements) {
    EXPECT_EQ(seen.count("exhibition/" + a.id + ".html"), 1u) << a.title << " (" << a.source << " 第 " << a.line
                                                               << " 行) cannot be reached by links";
  }
}

TEST_F(DemoExhibition, TheGuidedRouteWalksEveryDepartmentAndEveryExhibit) {
  // 网上巡校: start on the first page's button, follow 下一站 to the end.
  const auto starts = links("exhibition/index.html");
  const std::string first_department = *std::find_if(starts.begin(), starts.end(), [](const std::string& l) {
    return l.rfind("exhibition/departments/", 0) == 0;
  });
  std::vector<std::string> route = {first_department};
  for (auto next = links(route.back(), "next"); !next.empty(); next = links(route.back(), "next")) {
    ASSERT_EQ(next.size(), 1u);
    ASSERT_LT(route.size(), 100u) << "the route goes round in circles";
    route.push_back(next[0]);
  }
  std::set<std::string> departments;
  for (const auto& a : demo_achievements()) departments.insert(a.department);
  EXPECT_EQ(route.size(), departments.size());
  EXPECT_EQ(std::set<std::string>(route.begin(), route.end()).size(), route.size());
  EXPECT_NE(page(route.back()).find("巡校结束"), std::string::npos);
  EXPECT_NE(page(route[1]).find("网上巡校：第 2 站，共 " + std::to_string(departments.size()) + " 站"), std::string::npos);

  // Exhibit by exhibit: 下一项 goes through all of them, across departments.
  const auto first_exhibit = links(first_department);
  auto exhibit = *std::find_if(first_exhibit.begin(), first_exhibit.end(), is_exhibit_page);
  std::set<std::string> walked = {exhibit};
  for (auto next = links(exhibit, "next"); !next.empty(); next = links(exhibit, "next")) {
    exhibit = next[0];
    ASSERT_TRUE(walked.insert(exhibit).second) << "the walk comes back to " << exhibit;
  }
  EXPECT_EQ(walked.size(), demo_achievements().size());
}

TEST_F(DemoExhibition, QrCodesLeadToThePublicAddressOfTheirPage) {
  std::size_t decoded = 0;
  const std::regex qr_image(R"re(src="([^"]*qr/[^"]+\.svg)")re");
  for (const std::string& path : {std::string("exhibition/teaching-award-2025.html"),
                                  std::string("people/han-qingshan.html")}) {
    const std::string& html = page(path);
    std::smatch match;
    ASSERT_TRUE(std::regex_search(html, match, qr_image)) << path;
    const fs::path svg = out_->path() / "public" / fs::path(path).parent_path() / match[1].str();
    EXPECT_EQ(testing::decode_qr_svg(svg), kBaseUrl + path);
    ++decoded;
  }
  // The printable board page of the department with the most exhibits: its
  // own code and one per exhibit.
  std::string department;
  std::size_t most = 0;
  for (const auto& target : links("exhibition/index.html")) {
    if (target.rfind("exhibition/departments/", 0) != 0) continue;
    const auto on_page = links(target);
    const auto count = static_cast<std::size_t>(std::count_if(on_page.begin(), on_page.end(), is_exhibit_page));
    if (count > most) {
      most = count;
      department = target;
    }
  }
  ASSERT_GE(most, 3u);
  const auto print_links = links(department);
  const std::string print = *std::find_if(print_links.begin(), print_links.end(), [](const std::string& l) {
    return l.rfind("exhibition/print/", 0) == 0;
  });
  const std::string& sheet = page(print);
  EXPECT_NE(sheet.find("class=\"print-sheet\""), std::string::npos);
  std::set<std::string> expected = {kBaseUrl + department};
  for (const auto& target : links(department)) {
    if (is_exhibit_page(target)) expected.insert(kBaseUrl + target);
  }
  std::set<std::string> found;
  for (auto it = std::sregex_iterator(sheet.begin(), sheet.end(), qr_image); it != std::sregex_iterator(); ++it) {
    found.insert(testing::decode_qr_svg(out_->path() / "public" / fs::path(print).parent_path() / (*it)[1].str()));
    ++decoded;
  }
  EXPECT_EQ(found, expected);
  EXPECT_GE(decoded, 4u);
}

TEST_F(DemoExhibition, HomePageShowsHighlightsNationalFirstAndLinksIn) {
  const std::string& home = page("index.html");
  const auto start = home.find("class=\"home-exhibition\"");
  ASSERT_NE(start, std::string::npos);
  const std::string section = home.substr(start, home.find("</section>", start) - start);
  const std::regex badge(R"re(class="level level-(\d)")re");
  std::vector<int> ranks;
  for (auto it = std::sregex_iterator(section.begin(), section.end(), badge); it != std::sregex_iterator(); ++it) {
    ranks.push_back(std::stoi((*it)[1]));
  }
  ASSERT_FALSE(ranks.empty());
  EXPECT_EQ(ranks.front(), 1);  // 国家级
  EXPECT_TRUE(std::is_sorted(ranks.begin(), ranks.end()));
  EXPECT_NE(section.find("href=\"exhibition/index.html\""), std::string::npos);
  EXPECT_NE(section.find("href=\"people/index.html\""), std::string::npos);
  EXPECT_NE(home.find("href=\"exhibition/index.html\">成果展</a>"), std::string::npos);  // navigation
  EXPECT_NE(home.find("href=\"people/index.html\">典型人物</a>"), std::string::npos);
}

TEST_F(DemoExhibition, PeoplePageFollowsTheSitesRoleOrder) {
  const std::string& people = page("people/index.html");
  std::size_t last = 0;
  for (const char* role : {"大国工匠", "劳动模范", "技能大赛获奖选手", "优秀教师", "优秀学生", "就业之星", "实习之星", "技能巧手"}) {
    const auto at = people.find("\">" + std::string(role) + "</h2>");
    ASSERT_NE(at, std::string::npos) << role;
    EXPECT_GT(at, last) << role << " is out of order";
    last = at;
  }
}

TEST_F(DemoExhibition, CampusTourStopsAndExhibitsLinkToEachOther) {
  // content/tour.json puts auto-skills-national-2024 (the GBK CSV's 编号) at the 汽车实训中心 stop.
  const std::string exhibit = "exhibition/auto-skills-national-2024.html";
  const auto from_stop = links("tour/training-center.html");
  EXPECT_NE(std::find(from_stop.begin(), from_stop.end(), exhibit), from_stop.end());
  EXPECT_NE(page("tour/training-center.html").find("在这里展出的成果"), std::string::npos);
  const auto from_exhibit = links(exhibit);
  EXPECT_NE(std::find(from_exhibit.begin(), from_exhibit.end(), "tour/training-center.html"), from_exhibit.end());
}

TEST(ExhibitionBuild, ABadCsvStopsTheBuildNamingRowAndColumn) {
  testing::TempDir site;
  testing::write_text(site.path() / "content/site.json", testing::minimal_site_json());
  testing::write_text(site.path() / "content/achievements/a.csv",
                      "标题,单位,类别,级别\n甲,教务处,教学成果,国家级\n乙,教务处,教学成果,国际级\n");
  BuildOptions options;
  options.site_dir = site.path();
  const BuildResult result = build_site(options);
  EXPECT_FALSE(result.ok);
  ASSERT_EQ(result.diagnostics.error_count(), 1);
  const Diagnostic& d = result.diagnostics.items[0];
  EXPECT_EQ(format_diagnostic(d).rfind("content/achievements/a.csv 第 3 行：错误：第 4 列（D 列“级别”）：级别“国际级”", 0), 0u)
      << format_diagnostic(d);
  EXPECT_FALSE(fs::exists(site.path() / "public"));
}

}  // namespace
}  // namespace zhuanlan

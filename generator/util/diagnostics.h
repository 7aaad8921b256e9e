#pragma once
// Problems found in a user's files. Every message is in Chinese and says what
// to change; the file (relative to the site folder) and line let an editor
// jump to the spot. A run collects all of them before it stops.
#include <string>
#include <vector>

namespace zhuanlan {

enum class Severity { error, warning };

struct Diagnostic {
  Severity severity = Severity::error;
  std::string file;  // as shown to the user, e.g. content/news/a.md
  int line = 0;      // 1-based; 0 when the problem concerns the whole file
  std::string message;
};

struct Diagnostics {
  std::vector<Diagnostic> items;

  void error(std::string file, int line, std::string message) {
    items.push_back({Severity::error, std::move(file), line, std::move(message)});
  }
  void warning(std::string file, int line, std::string message) {
    items.push_back({Severity::warning, std::move(file), line, std::move(message)});
  }
  void append(const Diagnostics& other) {
    items.insert(items.end(), other.items.begin(), other.items.end());
  }
  bool has_errors() const;
  int error_count() const;
  int warning_count() const;
};

// "content/news/a.md 第 12 行：错误：……"
std::string format_diagnostic(const Diagnostic& d);

// Sorted by file and line so that the report reads in order and is the same
// on every run, whatever order parallel loading finished in.
std::vector<Diagnostic> sorted(const Diagnostics& diagnostics);

}  // namespace zhuanlan

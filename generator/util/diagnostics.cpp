#include "util/diagnostics.h"

#include <algorithm>
#include <tuple>

namespace zhuanlan {

bool Diagnostics::has_errors() const { return error_count() > 0; }

int Diagnostics::error_count() const {
  return static_cast<int>(std::count_if(items.begin(), items.end(),
      [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

int Diagnostics::warning_count() const {
  return static_cast<int>(items.size()) - error_count();
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = d.file.empty() ? std::string("（站点）") : d.file;
  if (d.line > 0) out += " 第 " + std::to_string(d.line) + " 行";
  out += d.severity == Severity::error ? "：错误：" : "：警告：";
  out += d.message;
  return out;
}

std::vector<Diagnostic> sorted(const Diagnostics& diagnostics) {
  std::vector<Diagnostic> out = diagnostics.items;
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.file, a.line, a.message) < std::tie(b.file, b.line, b.message);
  });
  return out;
}

}  // namespace zhuanlan

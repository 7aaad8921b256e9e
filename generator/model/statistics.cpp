#include "model/statistics.h"

#include <algorithm>
#include <cstdio>
#include <limits>

namespace zhuanlan {
namespace {

// Loaders refuse counts above kMaxReportedCount, so sums stay far from the
// limit; saturating keeps a model built some other way from wrapping to
// negative totals (undefined behaviour) all the same.
long long saturating_add(long long a, long long b) {
  long long sum = 0;
  if (__builtin_add_overflow(a, b, &sum)) return b > 0 ? std::numeric_limits<long long>::max() : std::numeric_limits<long long>::min();
  return sum;
}

}  // namespace

StatCell count_or_blank(const std::optional<long long>& value) {
  return value ? StatCell{*value} : StatCell{NotReported{}};
}

void add_to(StatCell& total, const StatCell& value) {
  const auto* number = std::get_if<long long>(&value);
  if (!number) return;
  if (auto* sum = std::get_if<long long>(&total)) *sum = saturating_add(*sum, *number);
  else total = *number;
}

StatCell sum_reported(const std::vector<std::optional<long long>>& values) {
  StatCell total = NotReported{};
  for (const auto& v : values) add_to(total, count_or_blank(v));
  return total;
}

bool has_column_groups(const StatTable& table) {
  return std::any_of(table.columns.begin(), table.columns.end(), [](const StatColumn& c) { return !c.group.empty(); });
}

std::string cell_text(const StatCell& cell) {
  if (std::holds_alternative<NotReported>(cell)) return "";
  if (const auto* n = std::get_if<long long>(&cell)) return std::to_string(*n);
  if (const auto* p = std::get_if<Percent>(&cell)) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f%%", p->ratio * 100.0);
    return buffer;
  }
  return std::get<std::string>(cell);
}

}  // namespace zhuanlan

#include "load/review_record.h"

#include <gtest/gtest.h>

namespace zhuanlan {
namespace {

const std::vector<std::string> kStages = {"初审", "复审", "终审"};

Day day(const char* text) {
  std::string error;
  return *parse_day(text, &error);
}

std::vector<ReviewSignature> read(const std::string& yaml, Diagnostics& found) {
  auto document = parse_front_matter_yaml(yaml, "content/news/a.md", 2, found);
  YamlFields fields(std::move(*document), "content/news/a.md", 2, found);
  return read_reviews(fields, found);
}

TEST(ReviewRecord, ThreeSignaturesByThreePeopleBeforePublicationPass) {
  Diagnostics found;
  const auto reviews = read(
      "reviews:\n"
      "  - {stage: 初审, by: 张三, date: 2025-05-13}\n"
      "  - {stage: 复审, by: 李四, date: 2025-05-13}\n"
      "  - {stage: 终审, by: 王五, date: 2025-05-14}\n",
      found);
  ASSERT_EQ(reviews.size(), 3u);
  EXPECT_EQ(reviews[2].by, "王五");
  EXPECT_EQ(reviews[1].line, 4);
  check_review_chain(reviews, kStages, day("2025-05-14"), "content/news/a.md", 2, found);
  EXPECT_EQ(found.items.size(), 0u) << format_diagnostic(found.items[0]);
}

TEST(ReviewRecord, AMissingStageIsNamedAtTheReviewsLine) {
  Diagnostics found;
  const auto reviews = read("title: 甲\nreviews:\n  - {stage: 初审, by: 张三, date: 2025-05-13}\n", found);
  check_review_chain(reviews, kStages, day("2025-05-14"), "content/news/a.md", 3, found);
  ASSERT_EQ(found.error_count(), 2);
  EXPECT_EQ(found.items[0].line, 3);
  EXPECT_NE(found.items[0].message.find("缺少“复审”的审核记录"), std::string::npos) << found.items[0].message;
  EXPECT_NE(found.items[1].message.find("缺少“终审”"), std::string::npos) << found.items[1].message;
}

TEST(ReviewRecord, TwiceOneStageOnePersonTwoStagesAndALateDateAreErrorsAtTheirLines) {
  Diagnostics found;
  const auto reviews = read(
      "reviews:\n"
      "  - {stage: 初审, by: 张三, date: 2025-05-13}\n"
      "  - {stage: 初审, by: 李四, date: 2025-05-13}\n"
      "  - {stage: 复审, by: 张三, date: 2025-05-13}\n"
      "  - {stage: 终审, by: 王五, date: 2025-05-20}\n"
      "  - {stage: 四审, by: 赵六, date: 2025-05-13}\n",
      found);
  check_review_chain(reviews, kStages, day("2025-05-14"), "content/news/a.md", 2, found);
  std::vector<std::pair<int, std::string>> seen;
  for (const auto& d : found.items) seen.push_back({d.line, d.message});
  ASSERT_EQ(seen.size(), 4u);
  EXPECT_EQ(seen[0].first, 4);
  EXPECT_NE(seen[0].second.find("“初审”签了两次（另一次在第 3 行）"), std::string::npos) << seen[0].second;
  EXPECT_EQ(seen[1].first, 5);
  EXPECT_NE(seen[1].second.find("张三 已经签了“初审”"), std::string::npos) << seen[1].second;
  EXPECT_EQ(seen[2].first, 6);
  EXPECT_NE(seen[2].second.find("晚于发布日期 2025-05-14"), std::string::npos) << seen[2].second;
  EXPECT_EQ(seen[3].first, 7);
  EXPECT_NE(seen[3].second.find("“四审”不在"), std::string::npos) << seen[3].second;
}

TEST(ReviewRecord, IncompleteEntriesAreErrorsAndNoStagesMeansNoChain) {
  Diagnostics found;
  const auto reviews = read("reviews:\n  - {stage: 初审, date: 2025-05-13}\n  - 张三\n", found);
  EXPECT_TRUE(reviews.empty());
  const auto sorted_found = sorted(found);
  ASSERT_EQ(sorted_found.size(), 2u);
  EXPECT_EQ(sorted_found[0].line, 3);
  EXPECT_NE(sorted_found[0].message.find("缺少审核人（by）"), std::string::npos) << sorted_found[0].message;
  EXPECT_EQ(sorted_found[1].line, 4);
  Diagnostics none;
  check_review_chain({}, {}, day("2025-05-14"), "content/news/a.md", 2, none);
  EXPECT_TRUE(none.items.empty());
}

}  // namespace
}  // namespace zhuanlan

#include "load/review_record.h"

#include <algorithm>
#include <map>

#include "util/dates.h"
#include "util/text.h"

namespace zhuanlan {
namespace {

constexpr const char* kExample =
    "reviews:\n  - {stage: 初审, by: 张三, date: 2025-05-13}\n  - {stage: 复审, by: 李四, date: 2025-05-13}";

}  // namespace

std::vector<ReviewSignature> read_reviews(YamlFields& fields, Diagnostics& diagnostics) {
  std::vector<ReviewSignature> out;
  for (const YamlFields::Record& record : fields.record_list("reviews", kExample)) {
    ReviewSignature signature;
    signature.line = record.line;
    bool complete = true;
    for (const char* key : {"stage", "by", "date"}) {
      const auto it = record.values.find(key);
      if (it == record.values.end() || collapse_whitespace(it->second.first).empty()) {
        static const std::map<std::string, std::string> meaning = {
            {"stage", "审核环节（stage）"}, {"by", "审核人（by）"}, {"date", "审核日期（date）"}};
        diagnostics.error(fields.file(), record.line,
                          "这条审核记录缺少" + meaning.at(key) + "，请写成 {stage: 初审, by: 张三, date: 2025-05-13}");
        complete = false;
      }
    }
    for (const auto& [key, value] : record.values) {
      if (key != "stage" && key != "by" && key != "date") {
        diagnostics.warning(fields.file(), value.second,
                            "审核记录中的“" + key + "”不是可用的项目（只有 stage、by、date），它不会被使用；请检查拼写");
      }
    }
    if (!complete) continue;
    signature.stage = collapse_whitespace(record.values.at("stage").first);
    signature.by = collapse_whitespace(record.values.at("by").first);
    std::string error;
    const auto day = parse_day(record.values.at("date").first, &error);
    if (!day) {
      diagnostics.error(fields.file(), record.values.at("date").second, "审核日期：" + error);
      continue;
    }
    signature.date = *day;
    out.push_back(std::move(signature));
  }
  return out;
}

void check_review_chain(const std::vector<ReviewSignature>& reviews, const std::vector<std::string>& stages,
                        Day published, const std::string& file, int reviews_line, Diagnostics& diagnostics) {
  if (stages.empty()) return;
  std::map<std::string, const ReviewSignature*> by_stage;
  std::map<std::string, const ReviewSignature*> by_person;
  for (const ReviewSignature& signature : reviews) {
    if (std::find(stages.begin(), stages.end(), signature.stage) == stages.end()) {
      diagnostics.error(file, signature.line,
                        "审核环节“" + signature.stage + "”不在 site.json 的 review.stages 中（" + join(stages, "、") +
                            "），请改成其中之一");
      continue;
    }
    if (const auto [it, fresh] = by_stage.emplace(signature.stage, &signature); !fresh) {
      diagnostics.error(file, signature.line,
                        "“" + signature.stage + "”签了两次（另一次在第 " + std::to_string(it->second->line) +
                            " 行），每个审核环节只签一次，请删去一条");
      continue;
    }
    if (const auto [it, fresh] = by_person.emplace(signature.by, &signature); !fresh) {
      diagnostics.error(file, signature.line,
                        signature.by + " 已经签了“" + it->second->stage + "”（第 " + std::to_string(it->second->line) +
                            " 行），“" + signature.stage + "”要由另一个人审核");
    }
    if (signature.date > published) {
      diagnostics.error(file, signature.line,
                        "“" + signature.stage + "”的审核日期 " + format_day_iso(signature.date) + " 晚于发布日期 " +
                            format_day_iso(published) + "，稿件要先审核后发布；请核对日期");
    }
  }
  for (const std::string& stage : stages) {
    if (by_stage.count(stage) == 0) {
      diagnostics.error(file, reviews_line,
                        "缺少“" + stage + "”的审核记录：本站要求每条新闻经过" + join(stages, "、") +
                            "，请在 reviews 中加上一行 {stage: " + stage + ", by: 审核人, date: 日期}；"
                            "尚未审核完的稿件请加 draft: true");
    }
  }
}

}  // namespace zhuanlan

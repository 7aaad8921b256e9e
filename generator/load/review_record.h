#pragma once
// The review chain (三审: 初审, 复审, 终审 by named people) that the 站群
// systems colleges use enforce, and that assessments ask for: with
// review.stages set in site.json, a published news item carries a signed
// `reviews` entry for every stage, each by a different person, dated no
// later than the item's publication.
#include <optional>
#include <string>
#include <vector>

#include "load/yaml_fields.h"
#include "model/content.h"
#include "util/diagnostics.h"

namespace zhuanlan {

// Reads `reviews:` from front matter; problems of form (a missing name or
// date, a date that does not parse) are errors at their lines.
std::vector<ReviewSignature> read_reviews(YamlFields& fields, Diagnostics& diagnostics);

// Checks the signatures against the site's stages: one for each stage, no
// stage twice, no stage the site does not have, a different person for
// each, none dated after published (the item's publish_at, else its date).
// reviews_line: where the list is (or where it should go).
void check_review_chain(const std::vector<ReviewSignature>& reviews, const std::vector<std::string>& stages,
                        Day published, const std::string& file, int reviews_line, Diagnostics& diagnostics);

}  // namespace zhuanlan

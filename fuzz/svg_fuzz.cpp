// An SVG drawing as content/ may hold one: any bytes cleaned with
// clean_svg (util/svg_cleaning.h). Cleaning what it wrote must change
// nothing: a pass that leaves something a second pass removes has missed it.
#include <cstdlib>

#include "fuzz_support.h"
#include "util/svg_cleaning.h"

using namespace zhuanlan;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  SvgProblem problem;
  const auto cleaned = clean_svg(fuzz::as_text(data, size), &problem);
  if (!cleaned) return 0;
  const auto again = clean_svg(*cleaned, &problem);
  if (!again || *again != *cleaned) std::abort();
  return 0;
}

#include "write/jpeg_transform.h"

#include <turbojpeg.h>

#include <memory>

namespace zhuanlan {
namespace {

struct HandleDeleter {
  void operator()(void* handle) const { tjDestroy(handle); }
};

// EXIF orientation -> the operation that shows the picture upright.
int operation_for(int orientation) {
  switch (orientation) {
    case 2: return TJXOP_HFLIP;
    case 3: return TJXOP_ROT180;
    case 4: return TJXOP_VFLIP;
    case 5: return TJXOP_TRANSPOSE;
    case 6: return TJXOP_ROT90;
    case 7: return TJXOP_TRANSVERSE;
    case 8: return TJXOP_ROT270;
    default: return TJXOP_NONE;
  }
}

}  // namespace

namespace {

std::optional<std::string> transformed(void* handle, const std::string& jpeg, int operation, int options) {
  tjtransform transform{};
  transform.op = operation;
  transform.options = options | TJXOPT_COPYNONE;  // no APPn or COM marker is copied
  unsigned char* output = nullptr;
  unsigned long output_size = 0;
  const int status = tjTransform(handle, reinterpret_cast<const unsigned char*>(jpeg.data()), jpeg.size(), 1, &output,
                                 &output_size, &transform, TJFLAG_STOPONWARNING);
  std::optional<std::string> result;
  if (status == 0 && output && output_size > 0) result.emplace(reinterpret_cast<const char*>(output), output_size);
  tjFree(output);
  return result;
}

}  // namespace

std::optional<std::string> lossless_upright_jpeg(const std::string& jpeg, int orientation) {
  std::unique_ptr<void, HandleDeleter> handle(tjInitTransform());
  if (!handle || jpeg.empty()) return std::nullopt;
  const int operation = operation_for(orientation);
  // PERFECT refuses a turn that would leave a strip of untransformable
  // edge blocks in place; TRIM then drops that partial block row or column
  // instead (at most 15 pixels at one edge, as jpegtran -trim does).
  if (auto perfect = transformed(handle.get(), jpeg, operation, TJXOPT_PERFECT)) return perfect;
  if (operation == TJXOP_NONE) return std::nullopt;
  return transformed(handle.get(), jpeg, operation, TJXOPT_TRIM);
}

}  // namespace zhuanlan

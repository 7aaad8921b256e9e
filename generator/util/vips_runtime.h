#pragma once
// libvips, the image library, is started once per process, the first time
// an image is read.

namespace zhuanlan {

// Safe to call from any thread, any number of times. libvips' own thread
// pool is set to one thread, because the generator already spreads images
// over the cores (util/parallel.h), one image per worker; its operation
// cache is off, so that a photo changed on disk is read again and memory
// stays bounded. Its console warnings are silenced: problems come back as
// errors, which the generator reports in Chinese.
void start_vips();

}  // namespace zhuanlan

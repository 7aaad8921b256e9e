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
//
// libvips' optional modules (HEIF, JPEG XL, ImageMagick, OpenSlide,
// Poppler) are not loaded here: dynamically linking them and their
// libraries cost ~90 M instructions (0.03–0.1 s) on every run, and the
// site publishes only JPEG, PNG and SVG, which libvips reads itself.
void start_vips();

// Loads those modules, once: for naming the format of a file that is none
// of the three (a HEIC photo renamed .jpg), so that the message can say so.
void load_vips_modules();

}  // namespace zhuanlan

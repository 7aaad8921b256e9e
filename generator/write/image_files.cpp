#include "write/image_files.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <set>

#include "model/image_variants.h"
#include "util/files.h"
#include "util/parallel.h"
#include "util/text.h"
#include "write/image_cache.h"
#include "write/image_processing.h"
#include "write/source_hashes.h"
#include "util/svg_cleaning.h"

namespace zhuanlan {
namespace fs = std::filesystem;

namespace {

// What is made from one photo: its web versions, or a full-size copy.
struct Recipe {
  bool full_size = false;
  std::vector<int> widths;          // web versions
  std::vector<ImageFormat> formats;  // web versions; the one format of a full-size copy
  std::vector<std::string> files;   // the names of the files made
  std::string text;                 // for the cache key
};

std::string full_size_file_name(ImageFormat format) { return "full." + std::string(file_extension(format)); }

Recipe web_recipe(const ImageRef& image) {
  Recipe recipe;
  for (const auto& v : web_variants(image)) {
    if (std::find(recipe.widths.begin(), recipe.widths.end(), v.width) == recipe.widths.end()) recipe.widths.push_back(v.width);
    if (std::find(recipe.formats.begin(), recipe.formats.end(), v.format) == recipe.formats.end()) {
      recipe.formats.push_back(v.format);
    }
    recipe.files.push_back(version_file_name(v.width, v.format));
  }
  recipe.text = processing_fingerprint() + "\nweb";
  for (const int w : recipe.widths) recipe.text += " " + std::to_string(w);
  for (const ImageFormat f : recipe.formats) recipe.text += " " + std::string(file_extension(f));
  return recipe;
}

Recipe full_size_recipe(ImageFormat format) {
  Recipe recipe;
  recipe.full_size = true;
  recipe.formats = {format};
  recipe.files = {full_size_file_name(format)};
  // JPEG photos are copied by the lossless transform (write/jpeg_transform).
  recipe.text = processing_fingerprint() + "\nfull " + std::string(file_extension(format)) + " lossless-transform 1";
  return recipe;
}

struct Job {
  const SiteImage* image = nullptr;
  Recipe recipe;
  std::string key;
  std::optional<fs::path> entry;
  std::string error;  // reads after the image's name
};

void make(const Job& job, const fs::path& source, const fs::path& dir) {
  if (job.recipe.full_size) {
    make_full_size(source, job.recipe.formats.front(), dir / job.recipe.files.front());
  } else {
    make_web_versions(source, job.recipe.widths, job.recipe.formats, dir);
  }
}

// What a build or check says about an entry that was damaged in the cache
// (it is made again either way).
std::string damaged_entry_note(const std::string& content_path, const CacheLookup& lookup, bool publishing) {
  std::string note = "图片 content/" + content_path + " 在图片缓存（.zhuanlan-cache/images）中处理好的文件 " +
                     lookup.damaged_file + " 已损坏（" +
                     (lookup.size_changed ? "大小与生成时记录的不同，可能被截断" : "内容与生成时记录的校验值不符或文件缺失") +
                     "），已重新生成。";
  return note + (publishing ? "本次发布的是重新生成的文件。"
                            : "已发布的网站里这张图片可能也已损坏，请重新构建一次，构建会发布重新生成的文件。");
}

// Finds or makes every job's files. Each photo's bytes are hashed once;
// only the jobs missing from the cache decode their photo.
void run_jobs(std::vector<Job>& jobs, const ImageWork& work, ImageStats& stats, Diagnostics& diagnostics) {
  std::map<std::string, std::string> hashes;  // content path -> sha256 of its bytes
  for (const auto& job : jobs) hashes.emplace(job.image->image.content_path, "");
  std::vector<std::string> paths;
  for (const auto& [path, hash] : hashes) paths.push_back(path);
  const std::vector<std::string> found = hash_sources(work.content_dir, paths, work.cache_dir, &stats.hashed);
  for (std::size_t i = 0; i < paths.size(); ++i) hashes[paths[i]] = found[i];

  // Every entry is checked against its record (its files are hashed), so
  // the look-ups run in parallel too.
  std::vector<CacheLookup> lookups(jobs.size());
  parallel_for(jobs.size(), [&](std::size_t i) {
    Job& job = jobs[i];
    const std::string& hash = hashes.at(job.image->image.content_path);
    if (hash.empty()) return;
    job.key = image_cache_key(hash, job.recipe.text);
    lookups[i] = find_cache_entry(work.cache_dir, job.key, job.recipe.files);
    if (lookups[i].state == CacheLookup::State::found) job.entry = lookups[i].dir;
  });
  std::vector<Job*> missing;
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    Job& job = jobs[i];
    if (job.key.empty()) {
      job.error = "无法读取，请检查文件权限";
      continue;
    }
    if (job.entry) continue;
    missing.push_back(&job);
    if (lookups[i].state == CacheLookup::State::damaged) {
      ++stats.damaged;
      diagnostics.warning(job.image->used_by.empty() ? "" : job.image->used_by.front(), 0,
                          damaged_entry_note(job.image->image.content_path, lookups[i], work.publishing));
    }
  }
  std::set<std::string> decoded;
  for (const Job* job : missing) decoded.insert(job->image->image.content_path);
  stats.made += decoded.size();
  stats.reused += hashes.size() - decoded.size();

  std::mutex progress_mutex;
  std::size_t done = 0;
  const auto report = [&](const std::string& current, bool finished) {
    if (!work.progress) return;
    std::lock_guard<std::mutex> lock(progress_mutex);
    if (finished) ++done;
    work.progress({done, missing.size(), current});
  };
  parallel_for(missing.size(), [&](std::size_t i) {
    Job& job = *missing[i];
    report(job.image->image.content_path, false);
    try {
      const fs::path source = work.content_dir / job.image->image.content_path;
      job.entry = store_cache_entry(work.cache_dir, job.key, [&](const fs::path& dir) { make(job, source, dir); });
    } catch (const ImageError& e) {
      job.error = e.what();
    } catch (const std::exception& e) {
      job.error = std::string("无法处理：") + e.what();
    }
    report("", true);
  });

  std::set<std::string> reported;  // one message per photo
  for (const auto& job : jobs) {
    if (job.error.empty() || !reported.insert(job.image->image.content_path).second) continue;
    const auto& users = job.image->used_by;
    const std::string also = users.size() > 1 ? join({users.begin() + 1, users.end()}) : "";
    diagnostics.error(users.empty() ? "" : users.front(), 0,
                      "图片 content/" + job.image->image.content_path + " " + job.error +
                          (also.empty() ? "" : "（用到这张图片的还有 " + also + "）"));
  }
}

// The drawing cleaned for publishing, or nullopt with an error at the
// drawing's own line.
std::optional<std::string> cleaned_drawing(const SiteImage& image, const fs::path& content_dir,
                                           Diagnostics& diagnostics) {
  const std::string shown = "content/" + image.image.content_path;
  const auto bytes = read_file(content_dir / image.image.content_path);
  SvgProblem problem{0, "无法读取，请检查文件权限"};
  if (bytes) {
    if (auto cleaned = clean_svg(*bytes, &problem)) return cleaned;
  }
  diagnostics.error(shown, problem.line,
                    "SVG 矢量图 " + shown + " " + problem.detail +
                        (image.used_by.empty() ? "" : "（用到它的有 " + join(image.used_by) + "）"));
  return std::nullopt;
}

}  // namespace

std::vector<ImageFile> make_image_files(const std::vector<SiteImage>& images, const ImageWork& work,
                                        ImageStats& stats, Diagnostics& diagnostics) {
  std::vector<Job> jobs;
  std::vector<ImageFile> files;
  for (const auto& image : images) {
    if (format_for_path(image.image.published_path) == ImageFormat::svg) {
      // A drawing is only cleaned: nothing to decode.
      if (auto cleaned = cleaned_drawing(image, work.content_dir, diagnostics)) {
        files.push_back({{}, image.image.published_path, std::move(*cleaned)});
      }
      ++stats.reused;
      continue;
    }
    jobs.push_back({&image, web_recipe(image.image), "", std::nullopt, ""});
    if (image.image.original_published) {
      if (const auto format = format_for_path(image.image.published_path)) {
        jobs.push_back({&image, full_size_recipe(*format), "", std::nullopt, ""});
      }
    }
  }
  run_jobs(jobs, work, stats, diagnostics);
  for (const auto& job : jobs) {
    if (!job.entry) continue;
    const ImageRef& image = job.image->image;
    if (job.recipe.full_size) {
      files.push_back({*job.entry / job.recipe.files.front(), original_path(image)});
      continue;
    }
    for (const auto& v : web_variants(image)) files.push_back({*job.entry / version_file_name(v.width, v.format), v.path});
  }
  return files;
}

std::vector<std::optional<fs::path>> make_full_size_jpegs(const std::vector<SiteImage>& images, const ImageWork& work,
                                                          ImageStats& stats, Diagnostics& diagnostics) {
  std::vector<Job> jobs;
  for (const auto& image : images) jobs.push_back({&image, full_size_recipe(ImageFormat::jpeg), "", std::nullopt, ""});
  run_jobs(jobs, work, stats, diagnostics);
  std::vector<std::optional<fs::path>> files;
  for (const auto& job : jobs) {
    files.push_back(job.entry ? std::optional<fs::path>(*job.entry / job.recipe.files.front()) : std::nullopt);
  }
  return files;
}

}  // namespace zhuanlan

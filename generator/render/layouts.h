#pragma once
// Page templates (Mustache, escaped by default). Each comes from the site's
// own layouts/ when it has that file, or else from the copy shipped inside
// the program, so a school can restyle one page without copying the rest.
#include <kainjow/mustache.hpp>

#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "render/site_text.h"
#include "util/diagnostics.h"

namespace zhuanlan {

struct LayoutSet {
  std::map<std::string, kainjow::mustache::mustache> templates;  // by name, e.g. "news"
  SiteText text;  // layouts/strings.json, read with the templates

  // Mustache rendering keeps state in the template object, so each worker
  // renders with its own copy of the parsed set.
  // Throws std::runtime_error (in Chinese) when no such template exists.
  kainjow::mustache::mustache& get(const std::string& name);
};

// Every layout a build needs and the site's texts, parsed once. Syntax
// errors are reported with the template's file name. Templates escape
// {{value}} with html_escape, as C++ code does.
std::optional<LayoutSet> load_layouts(const std::filesystem::path& site_dir, Diagnostics& diagnostics);

// The text of a shipped or overriding file (layouts/x or assets/x).
std::optional<std::string> site_or_shipped_file(const std::filesystem::path& site_dir, const std::string& path);

}  // namespace zhuanlan

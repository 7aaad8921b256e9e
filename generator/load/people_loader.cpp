#include "load/people_loader.h"

#include "load/markdown_file.h"
#include "util/files.h"
#include "util/text.h"
#include "util/nearest_name.h"

namespace zhuanlan {
namespace fs = std::filesystem;

namespace {

constexpr std::size_t kSummaryChars = 80;

std::optional<Person> load_person(const LoadContext& context, const fs::path& path, Diagnostics& diagnostics) {
  auto file = read_markdown_file(context.site_dir, path, diagnostics);
  if (!file) return std::nullopt;
  YamlFields fields(file->front_matter, file->source, file->split.yaml_first_line, diagnostics);
  Person person;
  person.source = file->source;
  person.name = collapse_whitespace(fields.text("name", true, "姓名").value_or(""));
  person.role = collapse_whitespace(fields.text("role", true, "人物类别，例如 大国工匠、优秀教师、就业之星").value_or(""));
  person.department = collapse_whitespace(fields.text("department", false, "所在单位").value_or(""));
  for (const auto& honor : fields.text_list("honors")) person.honors.push_back(collapse_whitespace(honor));
  person.order = static_cast<int>(fields.integer("order").value_or(0));
  person.slug = slug_for(fields, path, diagnostics);
  person.url = "people/" + person.slug + ".html";
  person.lines.slug = fields.written_line("slug");
  person.lines.department = fields.written_line("department");
  if (auto photo = image_field(fields, "photo", "照片", *file, context, diagnostics)) {
    photo->alt = person.name + (person.role.empty() ? "" : "（" + person.role + "）") + "的照片";
    // The portrait has no caption field: who it shows (name and role) is
    // its caption, so check does not ask for one the user cannot write.
    photo->caption = photo->alt;
    person.photo = photo;
    person.images.push_back(*photo);
  }
  const auto warn_unlisted = [&](const std::string& key, const std::string& value,
                                  const std::vector<std::string>& listed, const std::string& what,
                                  const std::string& list_key) {
    const std::string warning = unlisted_name_warning(value, listed, what, list_key);
    if (!warning.empty()) diagnostics.warning(file->source, fields.line_of(key), warning);
  };
  warn_unlisted("department", person.department, context.site.departments, "单位", "departments");
  warn_unlisted("role", person.role, context.site.people_roles, "人物类别", "people.roles");
  fields.warn_unknown_keys();
  person.story_markdown = parse_body(*file, context, diagnostics);
  person.summary = make_summary(collapse_whitespace(person.story_markdown->plain_text), kSummaryChars);
  for (const auto& image : person.story_markdown->images) person.images.push_back(image);
  return person;
}

}  // namespace

std::vector<Person> load_people(const LoadContext& context, Diagnostics& diagnostics) {
  const auto files = list_files(context.content_dir() / "people", ".md");
  return load_all<Person>(files, diagnostics, [&](const fs::path& path, Diagnostics& found) {
    return load_person(context, path, found);
  });
}

}  // namespace zhuanlan

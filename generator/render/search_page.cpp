#include "render/search_page.h"

#include "search/search_index.h"
#include "search/search_shards.h"
#include "util/paths.h"

namespace zhuanlan {

using kainjow::mustache::data;
using kainjow::mustache::list;

namespace {

// The strings.json key of each kind's name, by SearchKind.
constexpr const char* kKindText[kSearchKindCount] = {"搜索.类别.新闻", "搜索.类别.活动", "搜索.类别.成果",
                                                      "搜索.类别.人物", "搜索.类别.逛校园", "搜索.类别.页面"};

// Texts the script shows, as data-* attributes of the page (text_found_more
// becomes data-found-more) (placeholders
// such as {{数量}} are filled by the script).
constexpr std::pair<const char*, const char*> kScriptTexts[] = {
    {"busy", "搜索.正在搜索"},   {"found", "搜索.结果数"},   {"found_more", "搜索.结果数还有更多"},
    {"partial", "搜索.部分结果"}, {"none", "搜索.没有找到"}, {"short", "搜索.太短"},
    {"error", "搜索.出错"},      {"all", "搜索.全部"}};

// Texts of the page itself.
constexpr std::pair<const char*, const char*> kPageTexts[] = {
    {"input", "搜索.输入框"}, {"button", "搜索.按钮"}, {"help", "搜索.提示"},         {"scope", "搜索.范围"},
    {"all", "搜索.全部"},     {"more", "搜索.更多"},   {"suggest", "搜索.建议"},      {"try", "搜索.试试"},
    {"noscript", "搜索.需要脚本"}, {"browse", "搜索.栏目"}};

}  // namespace

std::string render_search_page(PageRenderer& r) {
  const SiteModel& model = r.model();
  SiteText& text = r.text();
  const std::string root = root_prefix_for(kSearchPagePath);
  data d = r.common(root);
  d.set("title", text.get("搜索.标题"));
  d.set("index_url", root + kSearchIndexPath);
  for (const auto& [name, key] : kScriptTexts) d.set(std::string("text_") + name, text.get(key));
  for (const auto& [name, key] : kPageTexts) d.set(std::string("label_") + name, text.get(key));
  list kinds;
  const auto counts = search_kind_counts(model);
  for (std::size_t k = 0; k < kSearchKindCount; ++k) {
    if (counts[k] == 0) continue;
    data kind;
    kind.set("key", search_kind_key(static_cast<SearchKind>(k)));
    kind.set("label", text.get(kKindText[k]));
    kinds.push_back(kind);
  }
  d.set("kinds", kinds);
  list lists;
  for (const NavEntry& entry : model.nav) {
    if (entry.url == "index.html") continue;
    data link;
    link.set("label", entry.label);
    link.set("url", entry.url);
    lists.push_back(link);
  }
  d.set("lists", lists);
  return r.wrap({kSearchPagePath, "search", text.get("搜索.标题"), text.fill("搜索.简介", {{"专栏", model.site.title}}), "",
                 false, false},
                r.render("search", d));
}

}  // namespace zhuanlan

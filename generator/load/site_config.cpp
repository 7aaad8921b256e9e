#include "load/site_config.h"

#include <algorithm>

#include "load/json_document.h"
#include "util/files.h"

namespace zhuanlan {
namespace {

const std::string kFile = "content/site.json";

std::optional<DayRange> read_range(JsonFields& fields, const std::string& key, bool required,
                                   const std::string& meaning, Diagnostics& diagnostics) {
  auto range = fields.object(key, meaning);
  if (!range) {
    if (required) {
      diagnostics.error(kFile, 1, "缺少必填项 \"" + key + "\"（" + meaning + "），请写上 \"" + key +
                                      "\": { \"start\": \"2025-05-11\", \"end\": \"2025-05-17\" }");
    }
    return std::nullopt;
  }
  const auto start_text = range->text("start", true, meaning + "的第一天");
  const auto end_text = range->text("end", true, meaning + "的最后一天");
  range->warn_unknown_keys();
  if (!start_text || !end_text) return std::nullopt;
  std::string error;
  const auto start = parse_day(*start_text, &error);
  if (!start) diagnostics.error(kFile, range->line_of("start"), error);
  const auto end = parse_day(*end_text, &error);
  if (!end) diagnostics.error(kFile, range->line_of("end"), error);
  if (!start || !end) return std::nullopt;
  if (*end < *start) {
    diagnostics.error(kFile, range->line_of("end"), meaning + "的结束日期早于开始日期，请检查 start 和 end");
    return std::nullopt;
  }
  return DayRange{*start, *end};
}

// The settings of the official forms (model/report_forms.h): the 填报单位
// and the distinct students for the coverage rate. Read after
// students_total, which the rate divides by.
void read_form_settings(JsonFields& report, SiteConfig& site, Diagnostics& diagnostics) {
  site.report.unit = report.text("unit", false, "填报单位").value_or("");
  const auto students = report.integer("students_participating", "参加活动的学生人数（每人只计一次）");
  if (!students) return;
  const int line = report.line_of("students_participating");
  if (*students < 0 || *students > kMaxReportedCount) {
    diagnostics.error(kFile, line,
                      "report.students_participating 应当是 0 到 " + std::to_string(kMaxReportedCount) +
                          " 之间的整数（参加活动的不同学生人数）");
  } else if (site.students_total && *students > *site.students_total) {
    diagnostics.error(kFile, line,
                      "report.students_participating（" + std::to_string(*students) + "）超过了在校学生总数 students_total（" +
                          std::to_string(*site.students_total) + "），覆盖率不能超过 100%。请填写参加活动的不同学生人数，"
                          "同一学生参加多项活动只计一次");
  } else {
    site.report.students_participating = *students;
  }
}

}  // namespace

std::optional<std::string> normalise_base_url(const std::string& url, std::string* error) {
  const bool http = url.rfind("http://", 0) == 0;
  const bool https = url.rfind("https://", 0) == 0;
  if (!http && !https) {
    *error = "网址“" + url + "”应当以 https:// 或 http:// 开头，例如 https://www.example.edu.cn/zjz2025/";
    return std::nullopt;
  }
  for (const char c : url) {
    if (static_cast<unsigned char>(c) < 0x21 || static_cast<unsigned char>(c) >= 0x7F || c == '"' || c == '<' ||
        c == '>' || c == '\'' || c == '?' || c == '#') {
      *error = "网址“" + url + "”含有空格、中文或特殊字符，请只用英文字母、数字和 / . - 写网址";
      return std::nullopt;
    }
  }
  const std::size_t host_start = url.find("://") + 3;
  if (host_start >= url.size() || url[host_start] == '/') {
    *error = "网址“" + url + "”缺少域名";
    return std::nullopt;
  }
  return url.back() == '/' ? url : url + "/";
}

std::optional<SiteConfig> load_site_config(const std::filesystem::path& site_dir, const std::string& base_url_override,
                                           Diagnostics& diagnostics) {
  const auto text = read_file(site_dir / "content" / "site.json");
  if (!text) {
    diagnostics.error(kFile, 0,
                      "找不到站点设置文件 content/site.json。请在站点文件夹里创建它（可参考用户手册中的示例），"
                      "或用 --site 指定站点文件夹");
    return std::nullopt;
  }
  const auto doc = parse_json_document(*text, kFile, diagnostics);
  if (!doc) return std::nullopt;
  if (!doc->value.is_object()) {
    diagnostics.error(kFile, 1, "site.json 的最外层应当是 { } 括起来的对象");
    return std::nullopt;
  }
  const int errors_before = diagnostics.error_count();
  JsonFields fields(*doc, "", kFile, diagnostics);
  SiteConfig site;
  site.school = fields.text("school", true, "学校名称").value_or("");
  site.title = fields.text("title", true, "专栏标题").value_or("");
  site.theme = fields.text("theme", true, "活动周主题").value_or("");
  site.subtheme = fields.text("subtheme", false, "分主题").value_or("");
  if (auto week = read_range(fields, "week", true, "活动周", diagnostics)) site.week = *week;
  site.month = read_range(fields, "month", false, "活动月", diagnostics);
  if (site.month && (site.month->start > site.week.start || site.month->end < site.week.end)) {
    diagnostics.error(kFile, fields.line_of("month"), "活动月应当包含整个活动周，请检查 month 的 start 和 end");
  }

  const auto base_url = fields.text("base_url", base_url_override.empty(), "专栏发布后的网址");
  const std::string chosen = base_url_override.empty() ? base_url.value_or("") : base_url_override;
  if (!chosen.empty()) {
    std::string error;
    if (auto normal = normalise_base_url(chosen, &error)) {
      site.base_url = *normal;
      const std::size_t path_start = site.base_url.find('/', site.base_url.find("://") + 3);
      site.base_path = path_start == std::string::npos ? "/" : site.base_url.substr(path_start);
    } else if (base_url_override.empty()) {
      diagnostics.error(kFile, fields.line_of("base_url"), error);
    } else {
      diagnostics.error("", 0, "--base-url：" + error);
    }
  }

  for (const auto& [date, theme] : fields.text_map("day_themes", "每天的主题日")) {
    std::string error;
    const int line = doc->line_of("/day_themes/" + json_pointer_token(date));
    const auto day = parse_day(date, &error);
    if (!day) {
      diagnostics.error(kFile, line, "day_themes 中的" + error);
      continue;
    }
    const DayRange span = site.month.value_or(site.week);
    if (*day < span.start || *day > span.end) {
      diagnostics.warning(kFile, line, "主题日 " + date + " 不在活动周（月）之内，不会显示");
    }
    site.day_themes[*day] = theme;
  }
  site.departments = fields.text_list("departments", "部门名单");
  if (auto total = fields.integer("students_total", "在校学生总数")) {
    if (*total <= 0) diagnostics.error(kFile, fields.line_of("students_total"), "students_total 应当是正整数");
    else if (*total > kMaxReportedCount)
      diagnostics.error(kFile, fields.line_of("students_total"),
                        "students_total 超过了上限 " + std::to_string(kMaxReportedCount) + "（1 亿），请检查是否多写了几位");
    else site.students_total = *total;
  }
  if (auto review = fields.object("review", "审核设置")) {
    site.require_reviewer = review->boolean("require_reviewer").value_or(false);
    for (const std::string& stage : review->text_list("stages", "审核环节，例如 [\"初审\", \"复审\", \"终审\"]")) {
      if (std::find(site.review_stages.begin(), site.review_stages.end(), stage) != site.review_stages.end()) {
        diagnostics.error(kFile, review->line_of("stages"), "review.stages 中的审核环节“" + stage + "”写了两次，请删去一个");
      } else {
        site.review_stages.push_back(stage);
      }
    }
    review->warn_unknown_keys();
  }
  if (auto markdown = fields.object("markdown", "正文设置")) {
    site.raw_html = markdown->boolean("raw_html").value_or(false);
    markdown->warn_unknown_keys();
  }
  if (auto images = fields.object("images", "图片设置")) {
    site.images.publish_originals = images->boolean("publish_originals").value_or(false);
    if (auto max_bytes = images->integer("max_bytes", "图片文件大小上限（字节）")) {
      if (*max_bytes <= 0) {
        diagnostics.error(kFile, images->line_of("max_bytes"),
                          "images.max_bytes 应当是正整数（字节数），例如 8000000 表示 8 MB");
      } else {
        site.images.max_bytes = *max_bytes;
      }
    }
    images->warn_unknown_keys();
  }
  if (auto per_page = fields.integer("news_per_page", "每页新闻条数")) {
    if (*per_page < 1 || *per_page > 500) {
      diagnostics.error(kFile, fields.line_of("news_per_page"), "news_per_page 应当在 1 到 500 之间");
    } else {
      site.news_per_page = static_cast<int>(*per_page);
    }
  }
  if (auto footer = fields.object("footer", "页脚")) {
    site.footer.copyright = footer->text("copyright", false, "版权单位").value_or("");
    site.footer.icp = footer->text("icp", false, "ICP备案号").value_or("");
    site.footer.police = footer->text("police", false, "公安备案号").value_or("");
    site.footer.address = footer->text("address", false, "地址").value_or("");
    site.footer.phone = footer->text("phone", false, "电话").value_or("");
    footer->warn_unknown_keys();
  }
  if (auto report = fields.object("report", "信息采集表")) {
    site.report.contact = report->text("contact", false, "联系人").value_or("");
    site.report.position = report->text("position", false, "职务").value_or("");
    site.report.mobile = report->text("mobile", false, "手机").value_or("");
    site.report.qq = report->text("qq", false, "QQ").value_or("");
    site.report.plan = report->text("plan", false, "活动周工作计划").value_or("");
    site.report.featured = report->text("featured", false, "特色活动简介").value_or("");
    site.report.plan_line = report->line_of("plan");
    site.report.featured_line = report->line_of("featured");
    read_form_settings(*report, site, diagnostics);
    report->warn_unknown_keys();
  }
  if (auto people = fields.object("people", "典型人物设置")) {
    site.people_roles = people->text_list("roles", "典型人物页面上各类人物的先后顺序");
    people->warn_unknown_keys();
  }
  if (auto deploy = fields.object("deploy", "发布设置")) {
    site.deploy.url = deploy->text("url", false, "发布地址").value_or("");
    site.deploy.endpoint = deploy->text("endpoint", false, "对象存储的服务地址").value_or("");
    site.deploy.region = deploy->text("region", false, "对象存储的地域").value_or("");
    site.deploy.line = fields.line_of("deploy");
    deploy->warn_unknown_keys();
  }
  fields.warn_unknown_keys();
  if (diagnostics.error_count() > errors_before) return std::nullopt;
  return site;
}

}  // namespace zhuanlan

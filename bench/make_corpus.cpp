// zhuanlan_make_corpus: writes a deterministic benchmark corpus of N news
// items (plus N/50 activities and N/50 achievements) twice: as a zhuanlan
// site folder (per the content model) and as a Hugo site with the same
// items, so that bench/run can build both side by side.
//
//   zhuanlan_make_corpus --items 10000 --seed 1 --out /dev/shm/corpus
//     -> /dev/shm/corpus/site/content/...   (zhuanlan)
//        /dev/shm/corpus/hugo/content/...   (Hugo; bench/run adds bench/hugo/)
//
// The same seed always gives byte-identical files: the random numbers come
// from splitmix64 with plain modulo reduction, never from std::
// distributions, whose results differ between standard libraries.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using ordered_json = nlohmann::ordered_json;

class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  bool one_in(std::size_t n) { return below(n) == 0; }
  template <typename T, std::size_t N>
  const T& pick(const std::array<T, N>& items) { return items[below(N)]; }

 private:
  std::uint64_t state_;
};

// Fictional names and places only (the demo college is 青岚职业技术学院).
constexpr std::array<const char*, 12> kDepartments = {
    "党政办公室", "教务科研处", "学生处",   "校团委",   "就业处",   "融媒体中心",
    "汽车工程学院", "智能制造学院", "信息工程学院", "护理学院", "经济管理学院", "马克思主义学院"};

constexpr std::array<const char*, 20> kTags = {
    "技能竞赛", "产教融合", "职普融通", "志愿服务", "数字化转型", "校企合作", "劳动教育",
    "工匠精神", "职业启蒙", "非遗传承", "乡村振兴", "创新创业", "就业创业", "社会服务",
    "国际交流", "思政教育", "实训基地", "现代学徒制", "技能培训", "美育浸润"};

constexpr std::array<const char*, 24> kSurnames = {"林", "叶", "宋", "罗", "孟", "顾", "沈", "陆",
                                                   "苏", "程", "许", "韩", "唐", "冯", "夏", "秦",
                                                   "柳", "江", "严", "方", "白", "乔", "温", "庄"};
constexpr std::array<const char*, 24> kGivenNames = {"知秋", "朗月", "思齐", "书语", "晓禾", "云舒",
                                                     "听澜", "安然", "明远", "若溪", "清和", "景行",
                                                     "子衿", "望舒", "一帆", "嘉木", "修远", "星河",
                                                     "闻笛", "立夏", "予宁", "慕白", "南乔", "怀瑾"};

constexpr std::array<const char*, 16> kEvents = {
    "新能源汽车维修技能竞赛", "职业体验开放日", "校企合作签约仪式", "工业机器人编程挑战赛",
    "护理技能操作展示",       "非遗技艺进校园活动", "创新创业项目路演",   "大国工匠进校园报告会",
    "社区志愿服务活动",       "数字技能公益培训",   "职教政策宣讲会",     "劳动教育实践周",
    "毕业生就业双选会",       "智能制造开放实验室", "电子商务直播实训",   "优秀校友分享会"};
constexpr std::array<const char*, 10> kPlaces = {"汽车实训中心", "智能制造实训基地", "图书馆报告厅",
                                                 "护理实训楼",   "学生活动中心",     "创新创业园",
                                                 "青岚社区",     "学府路中学",       "云岭茶业园区",
                                                 "体育馆"};
constexpr std::array<const char*, 8> kTitleShapes = {
    "{d}举办{e}", "{e}在{p}举行", "{d}开展{e} 师生踊跃参与", "走进{p} {d}{e}侧记",
    "{e}圆满落幕", "{d}：{e}见闻", "以赛促学 {d}举行{e}", "{p}里的{e}"};

// Sentences of the body; a paragraph strings several together.
constexpr std::array<const char*, 32> kSentences = {
    "活动当天，实训中心里人头攒动，师生们围在工位旁认真观看每一个操作细节。",
    "学院负责人介绍，本次活动是职业教育活动周的重要组成部分，旨在让更多人了解职业教育、走近职业教育。",
    "参赛选手需要在规定时间内完成故障诊断、部件拆装和性能检测三个环节，考验的不只是技术，还有心态。",
    "来自合作企业的技术主管担任评委，他们按照企业岗位标准逐项打分，并在赛后给出详细点评。",
    "不少中学生第一次走进实训室，在教师和学生助教的指导下亲手完成了一件作品，脸上写满了成就感。",
    "近年来，学院坚持把课堂搬进车间、把项目引进课堂，学生在真实任务中练就过硬本领。",
    "专业教师表示，技能的提高没有捷径，只有一遍遍练习、一次次复盘，才能做到心中有数、手上有准。",
    "活动现场还设置了职业体验、作品展示和政策咨询等区域，吸引了周边社区居民和学生家长驻足参观。",
    "合作企业代表认为，职业院校培养的学生动手能力强、上手快，是企业转型升级不可缺少的力量。",
    "据统计，本学年学院已有三百余名学生在省级以上技能竞赛中获奖，就业率连续多年保持在较高水平。",
    "志愿者们耐心讲解家电安全使用常识，为社区老人免费检修小家电，赢得了居民的一致好评。",
    "非遗传承人现场演示传统技艺，讲述手艺背后的故事，同学们跟着一针一线地学，体会到了匠心的分量。",
    "学院将以此次活动为契机，进一步深化产教融合、校企合作，推动专业建设与产业发展同频共振。",
    "毕业生代表回到母校分享成长经历，鼓励学弟学妹们珍惜在校时光，练好本领、走好职业道路。",
    "在数字化实训平台上，学生可以反复模拟复杂工况，教师则通过后台数据精准掌握每个人的薄弱环节。",
    "活动结束后，组织方召开复盘会，对流程安排、安全保障和宣传报道等方面逐项梳理，形成改进清单。",
    "围绕“一技在手，一生无忧”的主题，各二级学院结合专业特色设计了形式多样的展示项目。",
    "一位学生家长说，看到孩子在赛场上专注自信的样子，对职业教育有了全新的认识。",
    "实训指导教师提醒大家，安全规范是一切操作的前提，每一步都要按照作业指导书执行。",
    "企业导师与学生结成师徒对子，从工具使用到质量意识，把多年积累的经验手把手传授给学生。",
    "现场观众纷纷拿出手机记录精彩瞬间，相关视频在学院新媒体平台上获得了大量点赞和转发。",
    "学院还邀请行业专家开设专题讲座，解读职业教育最新政策，介绍产业发展趋势和人才需求变化。",
    "通过这次活动，同学们不仅学到了技能，更感受到了劳动的光荣和创造的快乐。",
    "护理专业学生在模拟病房中演示心肺复苏和静脉输液等操作，动作规范、沟通得体。",
    "智能制造学院展示了学生团队自主设计的智能分拣装置，能够在一分钟内完成六十件工件的识别与分拣。",
    "经济管理学院的学生把课堂上学到的营销知识用在直播间，为本地农产品拓宽了销路。",
    "信息工程学院开放人工智能体验区，参观者可以在二十分钟内训练一个简单的图像识别模型。",
    "校团委组织青年志愿者走进中小学，开展职业启蒙课堂，用生动的案例讲述各行各业的故事。",
    "各参赛队伍赛前进行了为期一个月的集训，每天训练时间超过六个小时，许多人的手上磨出了茧子。",
    "活动得到了地方教育主管部门和行业协会的大力支持，多家媒体对活动进行了报道。",
    "学院相关负责人表示，将持续办好职业教育活动周，让技能成才、技能报国的理念深入人心。",
    "下一步，学院将把活动中形成的好做法固化为常态机制，推动更多优质资源向社会开放共享。"};

constexpr std::array<const char*, 12> kHeadings = {
    "赛场内外", "把课堂搬进车间", "企业怎么看", "数据背后的变化", "从体验到热爱", "师生心声",
    "下一步安排", "活动亮点", "技能成就梦想", "服务社会", "传承与创新", "现场直击"};

constexpr std::array<const char*, 12> kListItems = {
    "**理论考核**：闭卷作答，考查安全规范和基础知识",
    "**实操比赛**：按照企业岗位标准完成指定任务",
    "**综合答辩**：评委围绕作品设计思路现场提问",
    "开放实训体验点八个，接待参观者六百余人次",
    "发放职业教育政策宣传册一千余份",
    "组织企业导师现场指导二十余场",
    "学生志愿者全程参与讲解和引导",
    "活动视频在学院新媒体平台同步直播",
    "邀请家长代表参与评价并填写反馈问卷",
    "设置安全员岗位，全程巡查实训设备",
    "优秀作品在图书馆大厅集中展出一周",
    "获奖选手将代表学院参加省级比赛"};

constexpr std::array<const char*, 6> kLinkTexts = {"学院官网",     "职业教育活动周专题", "招生信息网",
                                                   "就业信息平台", "实训中心介绍",       "校企合作专栏"};

std::string person(Random& random) { return std::string(random.pick(kSurnames)) + random.pick(kGivenNames); }

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

std::size_t count_code_points(const std::string& text) {
  std::size_t n = 0;
  for (const char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string two_digits(int n) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%02d", n);
  return buffer;
}

struct Item {
  std::string slug, title, department, author, photographer, editor, reviewer, activity;
  std::vector<std::string> tags;
  std::string day;   // 2025-05-13
  std::string time;  // 16:30
  int cover = -1;    // index into the copied images, or -1
  std::string body;  // Markdown; images written as {IMG}photo-N.jpg
};

std::string paragraph(Random& random, int sentences) {
  std::string out;
  for (int i = 0; i < sentences; ++i) out += random.pick(kSentences);
  return out;
}

// About target_chars characters of prose with headings, a list, links, an
// occasional table and sometimes a figure.
std::string make_body(Random& random, std::size_t target_chars, std::size_t image_count) {
  std::string body = paragraph(random, 3) + "\n\n";
  if (image_count > 0 && random.one_in(4)) {
    body += "![师生在实训现场交流](" + std::string("{IMG}photo-") + std::to_string(1 + random.below(image_count)) +
            ".jpg \"活动现场\")\n\n";
  }
  int section = 0;
  while (count_code_points(body) < target_chars) {
    body += "## " + std::string(random.pick(kHeadings)) + "\n\n";
    body += paragraph(random, 2 + static_cast<int>(random.below(3))) + "\n\n";
    if (section % 2 == 0) {
      const std::size_t items = 3 + random.below(3);
      for (std::size_t i = 0; i < items; ++i) body += "- " + std::string(random.pick(kListItems)) + "\n";
      body += "\n";
    }
    if (section == 1) {
      body += "更多信息请访问[" + std::string(random.pick(kLinkTexts)) + "](https://www.example.edu.cn/zjz2025/info-" +
              std::to_string(random.below(100)) + ".html)。" + paragraph(random, 1) + "\n\n";
    }
    if (section == 2 && random.one_in(8)) {
      body += "| 项目 | 数量 | 说明 |\n| --- | --- | --- |\n";
      for (int r = 0; r < 4; ++r) {
        body += "| " + std::string(random.pick(kTags)) + " | " + std::to_string(10 + random.below(490)) + " | " +
                random.pick(kPlaces) + " |\n";
      }
      body += "\n";
    }
    body += paragraph(random, 2 + static_cast<int>(random.below(2))) + "\n\n";
    ++section;
  }
  return body;
}

Item make_item(Random& random, std::size_t index, std::size_t activities, std::size_t image_count) {
  Item item;
  char slug[32];
  std::snprintf(slug, sizeof slug, "item-%06zu", index + 1);
  item.slug = slug;
  item.department = random.pick(kDepartments);
  item.title = replace_all(replace_all(replace_all(random.pick(kTitleShapes), "{d}", item.department), "{e}",
                                       random.pick(kEvents)),
                           "{p}", random.pick(kPlaces));
  item.author = person(random);
  item.photographer = person(random);
  item.editor = person(random);
  item.reviewer = person(random);
  if (activities > 0 && random.one_in(3)) {
    char id[40];
    std::snprintf(id, sizeof id, "bench-activity-%04zu", 1 + random.below(activities));
    item.activity = id;
  }
  const std::size_t tag_count = 1 + random.below(3);
  while (item.tags.size() < tag_count) {
    const std::string tag = random.pick(kTags);
    if (std::find(item.tags.begin(), item.tags.end(), tag) == item.tags.end()) item.tags.push_back(tag);
  }
  item.day = "2025-05-" + two_digits(11 + static_cast<int>(random.below(7)));
  item.time = two_digits(8 + static_cast<int>(random.below(14))) + ":" + two_digits(static_cast<int>(random.below(60)));
  if (image_count > 0 && random.one_in(3)) item.cover = static_cast<int>(random.below(image_count));
  item.body = make_body(random, 1200 + random.below(400), image_count);
  return item;
}

void write_file(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string yaml_list(const std::vector<std::string>& values) {
  std::string out = "[";
  for (std::size_t i = 0; i < values.size(); ++i) out += (i ? ", " : "") + values[i];
  return out + "]";
}

std::string zhuanlan_news(const Item& item) {
  std::string out = "---\ntitle: " + item.title + "\ndate: " + item.day + " " + item.time +
                    "\ndepartment: " + item.department + "\nauthor: " + item.author +
                    "\nphotographer: " + item.photographer + "\neditor: " + item.editor +
                    "\nreviewer: " + item.reviewer + "\n";
  if (!item.activity.empty()) out += "activity: " + item.activity + "\n";
  if (item.cover >= 0) out += "cover: images/bench/photo-" + std::to_string(item.cover + 1) + ".jpg\n";
  out += "tags: " + yaml_list(item.tags) + "\n---\n";
  return out + replace_all(item.body, "{IMG}", "images/bench/");
}

std::string hugo_news(const Item& item) {
  std::string out = "---\ntitle: " + item.title + "\ndate: " + item.day + "T" + item.time +
                    ":00+08:00\ndepartments: [" + item.department + "]\ntags: " + yaml_list(item.tags) +
                    "\nauthor: " + item.author +
                    "\nphotographer: " + item.photographer + "\neditor: " + item.editor +
                    "\nreviewer: " + item.reviewer + "\n";
  if (item.cover >= 0) out += "cover: images/bench/photo-" + std::to_string(item.cover + 1) + ".jpg\n";
  out += "---\n";
  return out + replace_all(item.body, "{IMG}", "/images/bench/");
}

ordered_json site_json() {
  ordered_json site;
  site["school"] = "青岚职业技术学院";
  site["title"] = "2025年职业教育活动周";
  site["theme"] = "一技在手，一生无忧";
  site["subtheme"] = "数智赋能职教，技能点亮未来";
  site["week"] = {{"start", "2025-05-11"}, {"end", "2025-05-17"}};
  site["month"] = {{"start", "2025-05-01"}, {"end", "2025-05-31"}};
  site["base_url"] = "https://www.example.edu.cn/zjz2025/";
  site["day_themes"] = {{"2025-05-11", "职教发展研讨日"}, {"2025-05-12", "职普融通体验日"},
                        {"2025-05-13", "产教融合示范日"}, {"2025-05-14", "职教技能展示日"},
                        {"2025-05-15", "技能人才风采日"}, {"2025-05-16", "职教志愿服务日"},
                        {"2025-05-17", "地方特色活动日"}};
  site["departments"] = kDepartments;
  site["students_total"] = 12000;
  site["review"] = {{"require_reviewer", true}};
  site["footer"] = {{"copyright", "青岚职业技术学院"},
                    {"icp", "蜀ICP备00000000号"},
                    {"police", "川公网安备00000000000000号"},
                    {"address", "四川省青岚市学府路1号"},
                    {"phone", "0000-00000000"}};
  return site;
}

ordered_json activity(Random& random, std::size_t number) {
  char id[40];
  std::snprintf(id, sizeof id, "bench-activity-%04zu", number);
  const std::string day = "2025-05-" + two_digits(11 + static_cast<int>(random.below(7)));
  const int hour = 8 + static_cast<int>(random.below(8));
  std::string lead = random.pick(kDepartments);
  std::string partner = random.pick(kDepartments);
  ordered_json a;
  a["id"] = id;
  a["title"] = std::string(random.pick(kEvents)) + "（第" + std::to_string(number) + "场）";
  a["start"] = day + "T" + two_digits(hour) + ":00";
  a["end"] = day + "T" + two_digits(hour + 2) + ":00";
  a["location"] = random.pick(kPlaces);
  a["lead"] = lead;
  a["partners"] = partner == lead ? ordered_json::array() : ordered_json::array({partner});
  a["category"] = random.pick(kTags);
  constexpr std::array<const char*, 3> forms = {"线下", "线上", "线上线下"};
  a["form"] = random.pick(forms);
  a["open_to_public"] = random.one_in(2);
  a["audience"] = "全校学生、合作企业";
  a["summary"] = paragraph(random, 2);
  a["stats"] = {{"teachers", 5 + random.below(40)},
                {"students", 20 + random.below(400)},
                {"community", "青岚社区"},
                {"community_people", random.below(60)},
                {"visitors", random.below(500)},
                {"enterprises", random.below(6)},
                {"enterprise_people", random.below(30)},
                {"hands_on_projects", random.below(4)}};
  return a;
}

ordered_json achievement(Random& random, std::size_t number) {
  char id[40];
  std::snprintf(id, sizeof id, "bench-achievement-%04zu", number);
  constexpr std::array<const char*, 4> levels = {"国家级", "省级", "市级", "校级"};
  constexpr std::array<const char*, 4> categories = {"技能竞赛获奖", "教学成果", "社会服务", "创新创业"};
  const std::string level = random.pick(levels);
  ordered_json a;
  a["id"] = id;
  a["title"] = level + random.pick(kEvents) + "获奖（第" + std::to_string(number) + "项）";
  a["department"] = random.pick(kDepartments);
  a["category"] = random.pick(categories);
  a["level"] = level;
  a["date"] = "2024-" + two_digits(1 + static_cast<int>(random.below(12)));
  a["people"] = {person(random), person(random), "指导教师" + person(random)};
  a["summary"] = paragraph(random, 2);
  return a;
}

// A small fixed set of images, copied once each: thousands of items refer
// to them, as a real column reuses a few hundred photos at most.
std::size_t copy_images(const fs::path& from, const fs::path& site_images, const fs::path& hugo_images,
                        std::size_t wanted) {
  std::vector<fs::path> sources;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(from, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (it->is_regular_file() && it->path().extension() == ".jpg") sources.push_back(it->path());
  }
  std::sort(sources.begin(), sources.end());
  if (sources.size() > wanted) sources.resize(wanted);
  fs::create_directories(site_images);
  fs::create_directories(hugo_images);
  for (std::size_t i = 0; i < sources.size(); ++i) {
    const std::string name = "photo-" + std::to_string(i + 1) + ".jpg";
    fs::copy_file(sources[i], site_images / name, fs::copy_options::overwrite_existing);
    fs::copy_file(sources[i], hugo_images / name, fs::copy_options::overwrite_existing);
  }
  return sources.size();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Writes a deterministic benchmark corpus for zhuanlan and Hugo."};
  std::size_t items = 1000;
  std::uint64_t seed = 1;
  std::string out;
  std::string images_from = std::string(ZHUANLAN_SOURCE_DIR) + "/content/images";
  app.add_option("--items", items, "number of news items")->check(CLI::Range(1, 10000000));
  app.add_option("--seed", seed, "random seed; the same seed gives the same files");
  app.add_option("--out", out, "folder to write site/ and hugo/ into (replaced)")->required();
  app.add_option("--images-from", images_from, "folder of .jpg files to copy a few from");
  CLI11_PARSE(app, argc, argv);

  try {
    const fs::path root(out);
    fs::remove_all(root / "site");
    fs::remove_all(root / "hugo");
    const fs::path content = root / "site" / "content";
    const fs::path hugo_content = root / "hugo" / "content";
    const std::size_t image_count =
        copy_images(images_from, content / "images" / "bench", root / "hugo" / "static" / "images" / "bench", 6);

    Random random(seed);
    write_file(content / "site.json", site_json().dump(2) + "\n");
    const std::size_t extras = items / 50;
    for (std::size_t i = 1; i <= extras; ++i) {
      char name[48];
      std::snprintf(name, sizeof name, "bench-activity-%04zu.json", i);
      write_file(content / "activities" / name, activity(random, i).dump(2) + "\n");
      std::snprintf(name, sizeof name, "bench-achievement-%04zu.json", i);
      write_file(content / "achievements" / name, achievement(random, i).dump(2) + "\n");
    }
    std::size_t chars = 0;
    for (std::size_t i = 0; i < items; ++i) {
      const Item item = make_item(random, i, extras, image_count);
      chars += count_code_points(item.body);
      write_file(content / "news" / item.day / (item.slug + ".md"), zhuanlan_news(item));
      write_file(hugo_content / "news" / (item.slug + ".md"), hugo_news(item));
    }
    std::cout << "corpus: " << items << " news items (about " << chars / items << " characters each), " << extras
              << " activities, " << extras << " achievements, " << image_count << " images in " << root.string()
              << "\n";
  } catch (const std::exception& e) {
    std::cerr << "zhuanlan_make_corpus: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

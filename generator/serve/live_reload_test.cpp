#include "serve/live_reload.h"

#include <gtest/gtest.h>

#include <thread>

namespace zhuanlan {
namespace {

using namespace std::chrono_literals;

TEST(LiveReload, OnlyStylesheetsUnderAssetsAreACssChange) {
  EXPECT_EQ(change_kind({"assets/style.css", "assets/print/extra.css"}), ChangeKind::css);
  EXPECT_EQ(change_kind({"assets/style.css", "content/news/a.md"}), ChangeKind::page);
  EXPECT_EQ(change_kind({"layouts/style.css"}), ChangeKind::page);
  EXPECT_EQ(change_kind({"assets/today.js"}), ChangeKind::page);
  EXPECT_EQ(change_kind({}), ChangeKind::page);
}

TEST(LiveReload, APageOfTheCurrentBuildIsToldNothing) {
  ReloadHub hub("s1");
  hub.built(ChangeKind::page);
  PageView view = page_view(hub, "s1", "1");
  EXPECT_EQ(view.build, 1u);
  EXPECT_EQ(next_message(hub.state(), view), "");
}

TEST(LiveReload, ReloadsAfterAPageChangeAndSwapsStylesAfterCssOnly) {
  ReloadHub hub("s1");
  hub.built(ChangeKind::page);
  PageView view = page_view(hub, "s1", "1");
  hub.built(ChangeKind::css);
  EXPECT_EQ(next_message(hub.state(), view), "event: reload\ndata: {\"build\":2,\"kind\":\"css\"}\n\n");
  EXPECT_EQ(next_message(hub.state(), view), "");
  hub.built(ChangeKind::page);
  EXPECT_EQ(next_message(hub.state(), view), "event: reload\ndata: {\"build\":3,\"kind\":\"page\"}\n\n");
}

TEST(LiveReload, APageThatMissedAPageChangeReloadsEvenIfTheLastWasCss) {
  ReloadHub hub("s1");
  hub.built(ChangeKind::page);
  PageView view = page_view(hub, "s1", "1");
  hub.built(ChangeKind::page);
  hub.built(ChangeKind::css);
  EXPECT_NE(next_message(hub.state(), view).find("\"kind\":\"page\""), std::string::npos);
}

TEST(LiveReload, PagesOfAnotherSessionReload) {
  ReloadHub hub("s2");
  hub.built(ChangeKind::css);  // a first build that happened to be CSS-only
  PageView view = page_view(hub, "s1", "1");
  EXPECT_EQ(view.build, 0u);
  EXPECT_NE(next_message(hub.state(), view).find("\"kind\":\"page\""), std::string::npos);
  PageView garbled = page_view(hub, "s2", "1x");
  EXPECT_EQ(garbled.build, 0u);
}

TEST(LiveReload, ErrorsAreSentOnceThenTheFixReloads) {
  ReloadHub hub("s1");
  hub.built(ChangeKind::page);
  PageView view = page_view(hub, "s1", "1");
  hub.failed({"content/news/a.md 第 3 行：错误：日期“<2025>”不存在"});
  const std::string errors = next_message(hub.state(), view);
  // One line of JSON: the page puts the text in with textContent.
  EXPECT_EQ(errors, "event: errors\ndata: {\"lines\":[\"content/news/a.md 第 3 行：错误：日期“<2025>”不存在\"]}\n\n");
  EXPECT_EQ(next_message(hub.state(), view), "");
  hub.failed({"第一行\n第二行"});
  EXPECT_EQ(next_message(hub.state(), view), "event: errors\ndata: {\"lines\":[\"第一行\\n第二行\"]}\n\n");
  hub.built(ChangeKind::page);
  EXPECT_EQ(next_message(hub.state(), view), "event: reload\ndata: {\"build\":2,\"kind\":\"page\"}\n\n");
}

TEST(LiveReload, AWaitingConnectionWakesOnAReportAndOnClose) {
  ReloadHub hub("s1");
  const std::uint64_t seen = hub.state().version;
  std::thread reporter([&] { hub.built(ChangeKind::page); });
  const ReloadState after = hub.wait_for_change(seen, 60s);
  reporter.join();
  EXPECT_EQ(after.build, 1u);
  std::thread closer([&] { hub.close(); });
  const ReloadState closed = hub.wait_for_change(after.version, 60s);
  closer.join();
  EXPECT_TRUE(closed.closed);
}

}  // namespace
}  // namespace zhuanlan

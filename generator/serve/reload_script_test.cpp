#include "serve/reload_script.h"

#include <gtest/gtest.h>

namespace zhuanlan {
namespace {

TEST(ReloadScript, GoesBeforeTheLastBodyEndInAnyCase) {
  const std::string html = with_reload_script("<p>a</body> x </BODY>\n</html>", "ab12", 7);
  EXPECT_EQ(html,
            "<p>a</body> x <script src=\"/__zhuanlan/live-reload.js\" data-session=\"ab12\" data-build=\"7\" "
            "defer></script></BODY>\n</html>");
}

TEST(ReloadScript, IsAppendedToHtmlWithoutBodyEnd) {
  EXPECT_EQ(with_reload_script("<p>a", "s", 1),
            "<p>a<script src=\"/__zhuanlan/live-reload.js\" data-session=\"s\" data-build=\"1\" defer></script>");
}

TEST(ReloadScript, EscapesTheSession) {
  EXPECT_NE(with_reload_script("", "\"><x", 1).find("data-session=\"&quot;&gt;&lt;x\""), std::string::npos);
}

TEST(ReloadScript, ListensToTheEventsPathAndWritesErrorsAsText) {
  const std::string_view script = reload_script();
  EXPECT_NE(script.find(kReloadEventsPath), std::string_view::npos);
  EXPECT_NE(script.find("textContent = line"), std::string_view::npos);
  EXPECT_EQ(script.find("innerHTML"), std::string_view::npos);
}

}  // namespace
}  // namespace zhuanlan

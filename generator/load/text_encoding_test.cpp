#include "load/text_encoding.h"

#include <gtest/gtest.h>

namespace zhuanlan {
namespace {

// "标题,单位,类别,级别,日期,人员" and one row, as Excel on Chinese Windows saves
// them (GBK bytes, written out so that the test does not depend on iconv).
const std::string kGbk =
    "\xB1\xEA\xCC\xE2,\xB5\xA5\xCE\xBB,\xC0\xE0\xB1\xF0,\xBC\xB6\xB1\xF0,\xC8\xD5\xC6\xDA,\xC8\xCB\xD4\xB1\n"
    "\xC8\xAB\xB9\xFA\xD6\xB0\xD2\xB5\xD4\xBA\xD0\xA3\xBC\xBC\xC4\xDC\xB4\xF3\xC8\xFC\xD2\xBB\xB5\xC8\xBD\xB1,"
    "\xC6\xFB\xB3\xB5\xB9\xA4\xB3\xCC\xD1\xA7\xD4\xBA,\xBC\xBC\xC4\xDC\xBE\xBA\xC8\xFC\xBB\xF1\xBD\xB1,"
    "\xB9\xFA\xBC\xD2\xBC\xB6,2024-06,\xD1\xA7\xC9\xFA\xBC\xD7\xA1\xA2\xD1\xA7\xC9\xFA\xD2\xD2\n";

TEST(TextEncoding, Utf8IsTakenAsItIs) {
  DecodeError error;
  const auto text = decode_spreadsheet_text("标题,单位\n", &error);
  ASSERT_TRUE(text);
  EXPECT_EQ(text->utf8, "标题,单位\n");
  EXPECT_EQ(text->encoding, "UTF-8");
}

TEST(TextEncoding, BomIsRemoved) {
  DecodeError error;
  const auto text = decode_spreadsheet_text("\xEF\xBB\xBF标题,单位\n", &error);
  ASSERT_TRUE(text);
  EXPECT_EQ(text->utf8, "标题,单位\n");
  EXPECT_EQ(text->encoding, "UTF-8（带 BOM）");
}

TEST(TextEncoding, GbkIsDetectedAndConverted) {
  DecodeError error;
  const auto text = decode_spreadsheet_text(kGbk, &error);
  ASSERT_TRUE(text) << error.message;
  EXPECT_EQ(text->encoding, "GB18030");
  EXPECT_EQ(text->utf8,
            "标题,单位,类别,级别,日期,人员\n全国职业院校技能大赛一等奖,汽车工程学院,技能竞赛获奖,国家级,2024-06,学生甲、学生乙\n");
}

TEST(TextEncoding, TruncatedGbkNamesTheLine) {
  DecodeError error;
  // The last character loses its second byte.
  EXPECT_FALSE(decode_spreadsheet_text(kGbk.substr(0, kGbk.size() - 2), &error));
  EXPECT_EQ(error.line, 2);
  EXPECT_NE(error.message.find("GBK"), std::string::npos);
}

TEST(TextEncoding, BrokenUtf8AfterABomIsAnError) {
  DecodeError error;
  EXPECT_FALSE(decode_spreadsheet_text("\xEF\xBB\xBF" "a\n\xFF", &error));
  EXPECT_EQ(error.line, 2);
  EXPECT_NE(error.message.find("UTF-8"), std::string::npos);
}

}  // namespace
}  // namespace zhuanlan

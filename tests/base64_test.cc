// Tests for Base64Encode: RFC 4648 section 10 vectors, tails, binary bytes
// (expected values from RFC 4648 and coreutils base64).
#include "render/base64.h"

#include <string>

#include <gtest/gtest.h>

namespace lr {
namespace {

TEST(Base64Test, Empty) { EXPECT_EQ(Base64Encode(""), ""); }

TEST(Base64Test, Rfc4648Vectors) {
  EXPECT_EQ(Base64Encode("f"), "Zg==");
  EXPECT_EQ(Base64Encode("fo"), "Zm8=");
  EXPECT_EQ(Base64Encode("foo"), "Zm9v");
  EXPECT_EQ(Base64Encode("foob"), "Zm9vYg==");
  EXPECT_EQ(Base64Encode("fooba"), "Zm9vYmE=");
  EXPECT_EQ(Base64Encode("foobar"), "Zm9vYmFy");
}

TEST(Base64Test, OneAndTwoByteTailsOfZeros) {
  EXPECT_EQ(Base64Encode(std::string(1, '\0')), "AA==");
  EXPECT_EQ(Base64Encode(std::string(2, '\0')), "AAA=");
  EXPECT_EQ(Base64Encode(std::string(3, '\0')), "AAAA");
}

TEST(Base64Test, HighBytesUsePlusAndSlash) {
  EXPECT_EQ(Base64Encode("\xff"), "/w==");
  EXPECT_EQ(Base64Encode("\xfb\xff"), "+/8=");
  EXPECT_EQ(Base64Encode(std::string("\x00\xff\xfe", 3)), "AP/+");
}

TEST(Base64Test, TypicalSecretValue) {
  EXPECT_EQ(Base64Encode("admin"), "YWRtaW4=");
  EXPECT_EQ(Base64Encode("hello world\n"), "aGVsbG8gd29ybGQK");
}

TEST(Base64Test, AllByteValues) {
  std::string all;
  for (int i = 0; i < 256; ++i) all.push_back(static_cast<char>(i));
  EXPECT_EQ(Base64Encode(all),
            "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+"
            "P0BBQkNERUZHSElKS0xNTk9QUVJTVFVWV1hZWltcXV5fYGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6e3x9"
            "fn+AgYKDhIWGh4iJiouMjY6PkJGSk5SVlpeYmZqbnJ2en6ChoqOkpaanqKmqq6ytrq+wsbKztLW2t7i5uru8"
            "vb6/wMHCw8TFxsfIycrLzM3Oz9DR0tPU1dbX2Nna29zd3t/g4eLj5OXm5+jp6uvs7e7v8PHy8/T19vf4+fr7"
            "/P3+/w==");
}

}  // namespace
}  // namespace lr

// Encoding decision order (--encoding, .cpg, DBF language byte, bytes) with its reason, byte
// validity checks and decoding of GBK to UTF-8.
#include "io/encoding.h"

#include "support/test_support.h"

#include <gtest/gtest.h>

#include <fstream>

namespace beltplan::io {
namespace {

const std::string kXuanhuaGbk = "\xD0\xFB\xBB\xAF\xC7\xF8";  // 宣化区 in GBK
const std::string kXuanhuaUtf8 = "宣化区";

ByteSample sample_of(std::initializer_list<std::string> values) {
    ByteSample s;
    for (const std::string& v : values) {
        s.add(v);
    }
    return s;
}

TEST(Encoding, canonical_names_cover_what_users_and_cpg_files_write) {
    EXPECT_EQ(canonical_encoding("GBK"), "CP936");
    EXPECT_EQ(canonical_encoding("gbk"), "CP936");
    EXPECT_EQ(canonical_encoding("936"), "CP936");
    EXPECT_EQ(canonical_encoding(" CP936\r\n"), "CP936");
    EXPECT_EQ(canonical_encoding("GB2312"), "CP936");
    EXPECT_EQ(canonical_encoding("GB18030"), "GB18030");
    EXPECT_EQ(canonical_encoding("utf8"), "UTF-8");
    EXPECT_EQ(canonical_encoding("UTF-8"), "UTF-8");
    EXPECT_EQ(canonical_encoding("65001"), "UTF-8");
    EXPECT_EQ(canonical_encoding("1252"), "CP1252");
    EXPECT_EQ(canonical_encoding("windows-1251"), "CP1251");
    EXPECT_EQ(canonical_encoding("88591"), "ISO-8859-1");
    EXPECT_EQ(canonical_encoding("klingon"), "");
}

TEST(Encoding, dbf_language_bytes) {
    EXPECT_EQ(encoding_from_ldid(0x4D), "CP936");
    EXPECT_EQ(encoding_from_ldid(0x7A), "CP936");
    EXPECT_EQ(encoding_from_ldid(0x4F), "CP950");
    EXPECT_EQ(encoding_from_ldid(0x03), "CP1252");
    EXPECT_EQ(encoding_from_ldid(0), "");
}

TEST(Encoding, reads_the_language_byte_of_a_dbf) {
    test::TempDir dir;
    std::string header(32, '\0');
    header[0] = 0x03;
    header[29] = 0x4D;
    std::ofstream(dir.file("a.dbf"), std::ios::binary) << header;
    EXPECT_EQ(read_dbf_ldid(dir.file("a.dbf")), 0x4D);
    EXPECT_EQ(read_dbf_ldid(dir.file("missing.dbf")), -1);
}

TEST(Encoding, finds_sidecar_files_in_either_case) {
    test::TempDir dir;
    std::ofstream(dir.file("v.CPG")) << "936";
    EXPECT_EQ(sidecar_path(dir.file("v.shp"), ".cpg"), dir.file("v.CPG"));
    EXPECT_EQ(sidecar_path(dir.file("v.shp"), ".prj"), "");
}

TEST(Encoding, byte_validity) {
    EXPECT_TRUE(is_valid_utf8(kXuanhuaUtf8));
    EXPECT_FALSE(is_valid_utf8(kXuanhuaGbk));
    EXPECT_TRUE(is_valid_gb18030(kXuanhuaGbk));
    EXPECT_TRUE(is_valid_gb18030("abc"));
    EXPECT_FALSE(is_valid_gb18030("\xD0"));             // cut after a lead byte
    EXPECT_FALSE(is_valid_gb18030("\xFF\xA1"));         // 0xFF is never a lead byte
    EXPECT_TRUE(is_valid_gb18030("\x81\x30\x81\x30"));  // a four-byte GB18030 sequence
    EXPECT_TRUE(bytes_valid_in("\xE9", "CP1252"));
}

TEST(Encoding, explicit_encoding_wins) {
    EncodingEvidence ev;
    ev.explicit_encoding = "GBK";
    ev.has_cpg = true;
    ev.cpg_text = "UTF-8";
    ev.dbf_ldid = 0x03;
    core::Result<EncodingChoice> c = choose_encoding(ev);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->encoding, "CP936");
    EXPECT_EQ(c->reason, "--encoding GBK given");
}

TEST(Encoding, unknown_explicit_encoding_is_an_error) {
    EncodingEvidence ev;
    ev.explicit_encoding = "klingon";
    core::Result<EncodingChoice> c = choose_encoding(ev);
    ASSERT_FALSE(c);
    EXPECT_EQ(c.error().code, core::ErrorCode::kUnknownEncoding);
    EXPECT_NE(c.error().message.find("klingon"), std::string::npos);
}

TEST(Encoding, cpg_wins_over_language_byte) {
    EncodingEvidence ev;
    ev.has_cpg = true;
    ev.cpg_text = "936\n";
    ev.dbf_ldid = 0x03;
    ev.sample = sample_of({kXuanhuaGbk});
    core::Result<EncodingChoice> c = choose_encoding(ev);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->encoding, "CP936");
    EXPECT_EQ(c->reason, ".cpg says 936");
}

// Issue 8 item 4: a .cpg saying UTF-8 on GBK bytes gave names of replacement characters.
TEST(Encoding, utf8_cpg_on_gbk_bytes_loses_to_the_bytes) {
    EncodingEvidence ev;
    ev.has_cpg = true;
    ev.cpg_text = "UTF-8";
    ev.sample = sample_of({kXuanhuaGbk, "abc", kXuanhuaGbk});
    core::Result<EncodingChoice> c = choose_encoding(ev);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->encoding, "GB18030");
    EXPECT_EQ(c->reason,
              ".cpg says utf-8, but 2 of 3 values are not valid UTF-8 and all read as GB18030 "
              "(GBK): the bytes win");
}

TEST(Encoding, gbk_cpg_on_utf8_bytes_loses_to_the_bytes) {
    EncodingEvidence ev;
    ev.has_cpg = true;
    ev.cpg_text = "GBK";
    ev.sample = sample_of({kXuanhuaUtf8, "abc"});
    core::Result<EncodingChoice> c = choose_encoding(ev);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->encoding, "UTF-8");
    EXPECT_EQ(c->reason,
              ".cpg says gbk, but all 1 values with non-ASCII text are valid UTF-8: the bytes "
              "win, read as UTF-8");
}

TEST(Encoding, a_cpg_the_bytes_cannot_contradict_is_kept) {
    EncodingEvidence ev;
    ev.has_cpg = true;
    ev.cpg_text = "UTF-8";
    ev.sample = sample_of({"abc", "123"});  // ASCII: valid in every encoding
    core::Result<EncodingChoice> c = choose_encoding(ev);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->encoding, "UTF-8");
    EXPECT_EQ(c->reason, ".cpg says utf-8");
}

TEST(Encoding, language_byte_4d_is_code_page_936) {
    EncodingEvidence ev;
    ev.dbf_ldid = 0x4D;
    ev.sample = sample_of({kXuanhuaGbk});
    core::Result<EncodingChoice> c = choose_encoding(ev);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->encoding, "CP936");
    EXPECT_EQ(c->reason, "DBF language byte 0x4D (CP936)");
}

TEST(Encoding, language_byte_4d_on_utf8_bytes_loses_to_the_bytes) {
    EncodingEvidence ev;
    ev.dbf_ldid = 0x4D;
    ev.sample = sample_of({kXuanhuaUtf8});
    core::Result<EncodingChoice> c = choose_encoding(ev);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->encoding, "UTF-8");
    EXPECT_EQ(c->reason.rfind("DBF language byte 0x4D (CP936), but all 1 values", 0), 0u)
        << c->reason;
}

TEST(Encoding, ansi_language_byte_with_gbk_bytes_reads_as_gbk) {
    EncodingEvidence ev;
    ev.dbf_ldid = 0x57;
    ev.sample = sample_of({kXuanhuaGbk, "abc"});
    core::Result<EncodingChoice> c = choose_encoding(ev);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->encoding, "CP936");
    EXPECT_NE(c->reason.find("0x57"), std::string::npos);
}

TEST(Encoding, no_hints_and_invalid_utf8_means_gb18030) {
    EncodingEvidence ev;
    ev.dbf_ldid = 0;
    ev.sample = sample_of({kXuanhuaGbk, "abc", kXuanhuaGbk});
    core::Result<EncodingChoice> c = choose_encoding(ev);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->encoding, "GB18030");
    EXPECT_EQ(c->reason,
              "no .cpg and DBF language byte 0; 2 of 3 values are not valid UTF-8, read as "
              "GB18030 (GBK)");
}

TEST(Encoding, no_hints_and_valid_utf8_means_utf8) {
    EncodingEvidence ev;
    ev.sample = sample_of({kXuanhuaUtf8});
    core::Result<EncodingChoice> c = choose_encoding(ev);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->encoding, "UTF-8");
    EXPECT_EQ(c->reason, "the text is valid UTF-8");
}

TEST(Encoding, decodes_gbk_to_utf8) {
    EXPECT_EQ(decode_to_utf8(kXuanhuaGbk, "CP936"), kXuanhuaUtf8);
    EXPECT_EQ(decode_to_utf8(kXuanhuaGbk, "GB18030"), kXuanhuaUtf8);
    EXPECT_EQ(decode_to_utf8(kXuanhuaUtf8, "UTF-8"), kXuanhuaUtf8);
    EXPECT_FALSE(decode_to_utf8(kXuanhuaGbk, "UTF-8").has_value());
    EXPECT_FALSE(decode_to_utf8("\xD0", "CP936").has_value());
}

TEST(Encoding, sanitize_replaces_only_invalid_bytes) {
    EXPECT_EQ(sanitize_utf8("a\xFF"
                            "b"),
              "a\xEF\xBF\xBD"
              "b");
    EXPECT_EQ(sanitize_utf8(kXuanhuaUtf8), kXuanhuaUtf8);
    EXPECT_TRUE(is_valid_utf8(decode_lossy("\xD0\xFB\xFF", "CP936")));
}

}  // namespace
}  // namespace beltplan::io

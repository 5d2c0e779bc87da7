// Text encoding of a source: the decision (--encoding, then .cpg, then the DBF language byte,
// then the bytes themselves) with its reason, and decoding to UTF-8 through GDAL's CPLRecode.
#pragma once

#include "io/import.h"

#include <optional>
#include <string>
#include <string_view>

namespace beltplan::io {

inline constexpr const char* kUtf8 = "UTF-8";
inline constexpr const char* kCp936 = "CP936";
inline constexpr const char* kGb18030 = "GB18030";

// Canonical name of an encoding as a user or a .cpg spells it ("gbk", "936", "cp936" ->
// "CP936"; "utf8", "65001" -> "UTF-8"; "1252" -> "CP1252"); "" when not recognised.
std::string canonical_encoding(const std::string& name);
// Encoding of a DBF language driver id (byte 29 of a .dbf); "" for 0 and unknown ids.
std::string encoding_from_ldid(int ldid);
// The language driver id of a .dbf file, or -1 when the file cannot be read.
int read_dbf_ldid(const std::string& dbf_path);
// The sidecar file of a shapefile with another extension (".cpg", ".dbf", ".prj"), trying
// lower and upper case; "" when there is none.
std::string sidecar_path(const std::string& shp_path, const std::string& ext);

// True when the bytes are well-formed UTF-8.
bool is_valid_utf8(std::string_view bytes);
// True when the bytes are well-formed GB18030 (which includes GBK/CP936).
bool is_valid_gb18030(std::string_view bytes);
// True when every byte sequence is valid in `encoding` (single-byte code pages always are).
bool bytes_valid_in(std::string_view bytes, const std::string& encoding);

// Statistics of raw string values sampled from a source, before any decoding.
struct ByteSample {
    long long strings = 0;       // values looked at
    long long non_ascii = 0;     // values with a byte >= 0x80
    long long invalid_utf8 = 0;  // values that are not valid UTF-8
    long long invalid_gb = 0;    // values that are not valid GB18030
    void add(std::string_view bytes);
};

// What is known about a source's encoding before deciding.
struct EncodingEvidence {
    std::string explicit_encoding;  // --encoding, "" when not given
    bool has_cpg = false;
    std::string cpg_text;  // contents of the .cpg
    int dbf_ldid = -1;     // -1 when the source is not a DBF
    ByteSample sample;
};

// Decides the encoding: explicit > .cpg > DBF language byte > UTF-8 validity > GB18030.
// kUnknownEncoding when the explicit name is not recognised (the message lists examples).
core::Result<EncodingChoice> choose_encoding(const EncodingEvidence& evidence);

// Decodes bytes from `encoding` to UTF-8 with CPLRecode; nullopt when the bytes are not
// valid in that encoding. UTF-8 input is returned unchanged when valid.
std::optional<std::string> decode_to_utf8(std::string_view bytes, const std::string& encoding);
// Best-effort decoding for reporting an undecodable value: valid parts decoded, the rest
// replaced; always valid UTF-8.
std::string decode_lossy(std::string_view bytes, const std::string& encoding);
// The bytes with every invalid UTF-8 sequence replaced by U+FFFD, so the program only ever
// holds UTF-8.
std::string sanitize_utf8(std::string_view bytes);

}  // namespace beltplan::io

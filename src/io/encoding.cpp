// Encoding detection and decoding. Chinese shapefiles usually come in GBK without a .cpg and
// with language byte 0 or 0x57 ("ANSI"), so the byte check is the deciding step in practice.
#include "io/encoding.h"

#include "core/messages.h"

#include <cpl_conv.h>
#include <cpl_string.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

namespace beltplan::io {

namespace {

std::string lower_trimmed(const std::string& text) {
    std::size_t begin = 0;
    std::size_t end = text.size();
    while (begin < end && std::isspace(static_cast<unsigned char>(text[begin])) != 0) {
        ++begin;
    }
    while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1])) != 0) {
        --end;
    }
    std::string out = text.substr(begin, end - begin);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::string hex_byte(int value) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", value & 0xFF);
    return buf;
}

bool is_windows_code_page(int cp) {
    static const int kPages[] = {437,  737,  775,  850,  852,  855,  857,  860, 861, 862,
                                 863,  864,  865,  866,  869,  874,  932,  949, 950, 1250,
                                 1251, 1252, 1253, 1254, 1255, 1256, 1257, 1258};
    return std::find(std::begin(kPages), std::end(kPages), cp) != std::end(kPages);
}

// A short note on what the sampled bytes looked like, for the report.
std::string sample_note(const ByteSample& s) {
    if (s.strings == 0) {
        return core::tr("import.enc.no_text");
    }
    if (s.non_ascii == 0) {
        return core::tr("import.enc.ascii");
    }
    if (s.invalid_utf8 == 0) {
        return core::tr("import.enc.valid_utf8");
    }
    return core::tr("import.enc.invalid_utf8",
                    {std::to_string(s.invalid_utf8), std::to_string(s.strings)});
}

bool single_byte_western(const std::string& enc) {
    return enc.rfind("ISO-8859", 0) == 0 || (enc.rfind("CP", 0) == 0 && enc != kCp936 &&
                                             enc != "CP950" && enc != "CP949" && enc != "CP932");
}

// A declared encoding the bytes contradict loses to them (issue 8 item 4): declared UTF-8 or
// a Western code page but the text is not UTF-8 and reads as GB18030; declared GBK but every
// non-ASCII value is well-formed UTF-8 (GBK text almost never is).
std::optional<EncodingChoice> bytes_overrule(const std::string& declared, const std::string& said,
                                             const ByteSample& s) {
    const bool gb_bytes = s.invalid_utf8 > 0 && s.invalid_gb == 0;
    if ((declared == kUtf8 || single_byte_western(declared)) && gb_bytes) {
        return EncodingChoice{
            kGb18030, core::tr("import.enc.overruled_gb",
                               {said, std::to_string(s.invalid_utf8), std::to_string(s.strings)})};
    }
    if ((declared == kCp936 || declared == kGb18030) && s.non_ascii > 0 && s.invalid_utf8 == 0) {
        return EncodingChoice{
            kUtf8, core::tr("import.enc.overruled_utf8", {said, std::to_string(s.non_ascii)})};
    }
    return std::nullopt;
}

}  // namespace

std::string canonical_encoding(const std::string& name) {
    std::string n = lower_trimmed(name);
    n.erase(std::remove_if(n.begin(), n.end(), [](char c) { return c == '-' || c == '_'; }),
            n.end());
    static const std::map<std::string, std::string> kNames = {
        {"utf8", kUtf8},
        {"65001", kUtf8},
        {"ascii", kUtf8},
        {"usascii", kUtf8},
        {"gbk", kCp936},
        {"cp936", kCp936},
        {"936", kCp936},
        {"ms936", kCp936},
        {"windows936", kCp936},
        {"gb2312", kCp936},
        {"euccn", kCp936},
        {"ansi936", kCp936},
        {"gb18030", kGb18030},
        {"54936", kGb18030},
        {"big5", "CP950"},
        {"latin1", "ISO-8859-1"},
        {"iso88591", "ISO-8859-1"},
        {"88591", "ISO-8859-1"},
    };
    const auto it = kNames.find(n);
    if (it != kNames.end()) {
        return it->second;
    }
    for (const char* prefix : {"cp", "windows", "ms", ""}) {
        const std::string p(prefix);
        if (n.size() > p.size() && n.compare(0, p.size(), p) == 0 &&
            std::all_of(n.begin() + static_cast<long>(p.size()), n.end(),
                        [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; })) {
            const int cp = std::atoi(n.c_str() + p.size());
            if (cp == 936) {
                return kCp936;
            }
            if (is_windows_code_page(cp)) {
                return "CP" + std::to_string(cp);
            }
        }
    }
    return "";
}

std::string encoding_from_ldid(int ldid) {
    static const std::map<int, std::string> kLdid = {
        {0x01, "CP437"},  {0x02, "CP850"},      {0x03, "CP1252"}, {0x13, "CP932"},
        {0x26, "CP866"},  {0x4D, kCp936},       {0x4E, "CP949"},  {0x4F, "CP950"},
        {0x50, "CP874"},  {0x57, "ISO-8859-1"}, {0x58, "CP1252"}, {0x59, "CP1252"},
        {0x64, "CP852"},  {0x65, "CP866"},      {0x78, "CP950"},  {0x79, "CP949"},
        {0x7A, kCp936},   {0x7B, "CP932"},      {0x7C, "CP874"},  {0xC8, "CP1250"},
        {0xC9, "CP1251"}, {0xCA, "CP1254"},     {0xCB, "CP1253"}, {0xCC, "CP1257"},
    };
    const auto it = kLdid.find(ldid);
    return it == kLdid.end() ? "" : it->second;
}

int read_dbf_ldid(const std::string& dbf_path) {
    std::ifstream in(dbf_path, std::ios::binary);
    char header[32];
    if (!in.read(header, sizeof header)) {
        return -1;
    }
    return static_cast<unsigned char>(header[29]);
}

std::string sidecar_path(const std::string& shp_path, const std::string& ext) {
    namespace fs = std::filesystem;
    fs::path base(shp_path);
    std::string upper = ext;
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    for (const std::string& e : {ext, upper}) {
        fs::path candidate = base;
        candidate.replace_extension(e);
        std::error_code ec;
        if (fs::is_regular_file(candidate, ec)) {
            return candidate.string();
        }
    }
    return "";
}

bool is_valid_utf8(std::string_view bytes) {
    return CPLIsUTF8(bytes.data(), static_cast<int>(bytes.size())) != 0;
}

bool is_valid_gb18030(std::string_view bytes) {
    const auto* b = reinterpret_cast<const unsigned char*>(bytes.data());
    const std::size_t n = bytes.size();
    auto lead = [](unsigned char c) { return c >= 0x81 && c <= 0xFE; };
    auto digit = [](unsigned char c) { return c >= 0x30 && c <= 0x39; };
    std::size_t i = 0;
    while (i < n) {
        if (b[i] < 0x80) {
            ++i;
        } else if (!lead(b[i]) || i + 1 >= n) {
            return false;
        } else if ((b[i + 1] >= 0x40 && b[i + 1] <= 0x7E) ||
                   (b[i + 1] >= 0x80 && b[i + 1] <= 0xFE)) {
            i += 2;
        } else if (digit(b[i + 1]) && i + 3 < n && lead(b[i + 2]) && digit(b[i + 3])) {
            i += 4;
        } else {
            return false;
        }
    }
    return true;
}

bool bytes_valid_in(std::string_view bytes, const std::string& encoding) {
    if (encoding == kUtf8) {
        return is_valid_utf8(bytes);
    }
    if (encoding == kCp936 || encoding == kGb18030) {
        return is_valid_gb18030(bytes);
    }
    return true;
}

void ByteSample::add(std::string_view bytes) {
    ++strings;
    const bool high = std::any_of(bytes.begin(), bytes.end(),
                                  [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    if (!high) {
        return;
    }
    ++non_ascii;
    if (!is_valid_utf8(bytes)) {
        ++invalid_utf8;
    }
    if (!is_valid_gb18030(bytes)) {
        ++invalid_gb;
    }
}

core::Result<EncodingChoice> choose_encoding(const EncodingEvidence& ev) {
    if (!ev.explicit_encoding.empty()) {
        const std::string enc = canonical_encoding(ev.explicit_encoding);
        if (enc.empty()) {
            return core::make_error(core::ErrorCode::kUnknownEncoding, {},
                                    core::tr("import.enc.unknown", {ev.explicit_encoding}));
        }
        return EncodingChoice{enc, core::tr("import.enc.given", {ev.explicit_encoding})};
    }
    std::string prefix;
    if (ev.has_cpg) {
        const std::string enc = canonical_encoding(ev.cpg_text);
        const std::string said = core::tr("import.enc.cpg_says", {lower_trimmed(ev.cpg_text)});
        if (!enc.empty()) {
            if (std::optional<EncodingChoice> bytes = bytes_overrule(enc, said, ev.sample)) {
                return *bytes;
            }
            return EncodingChoice{enc, said};
        }
        prefix = core::tr("import.enc.cpg_unknown", {lower_trimmed(ev.cpg_text)});
    }
    if (ev.dbf_ldid == 0x57) {
        // "ANSI": the code page of the machine that wrote the file, GBK on Chinese Windows.
        const std::string why = prefix + core::tr("import.enc.ldid_ansi");
        if (ev.sample.invalid_utf8 == 0) {
            return EncodingChoice{kUtf8,
                                  why + core::tr("import.enc.and", {sample_note(ev.sample)})};
        }
        if (ev.sample.invalid_gb == 0) {
            return EncodingChoice{kCp936, why + core::tr("import.enc.reads_as_gbk")};
        }
        return EncodingChoice{"ISO-8859-1", why + core::tr("import.enc.neither")};
    }
    if (ev.dbf_ldid > 0) {
        const std::string enc = encoding_from_ldid(ev.dbf_ldid);
        if (!enc.empty()) {
            const std::string said =
                prefix + core::tr("import.enc.ldid", {hex_byte(ev.dbf_ldid), enc});
            if (std::optional<EncodingChoice> bytes = bytes_overrule(enc, said, ev.sample)) {
                return *bytes;
            }
            return EncodingChoice{enc, said};
        }
        prefix += core::tr("import.enc.ldid_unknown", {hex_byte(ev.dbf_ldid)});
    } else if (ev.dbf_ldid == 0) {
        prefix += core::tr(ev.has_cpg ? "import.enc.ldid_zero" : "import.enc.no_cpg_ldid_zero");
    }
    if (ev.sample.invalid_utf8 == 0) {
        return EncodingChoice{kUtf8, prefix + sample_note(ev.sample)};
    }
    return EncodingChoice{kGb18030,
                          prefix + core::tr("import.enc.read_as_gb", {sample_note(ev.sample)})};
}

std::optional<std::string> decode_to_utf8(std::string_view bytes, const std::string& encoding) {
    if (!bytes_valid_in(bytes, encoding)) {
        return std::nullopt;
    }
    if (encoding == kUtf8 || encoding.empty()) {
        return std::string(bytes);
    }
    const std::string source(bytes);
    char* out = CPLRecode(source.c_str(), encoding.c_str(), CPL_ENC_UTF8);
    if (out == nullptr) {
        return std::nullopt;
    }
    std::string text(out);
    CPLFree(out);
    if (!is_valid_utf8(text)) {
        return std::nullopt;
    }
    return text;
}

std::string decode_lossy(std::string_view bytes, const std::string& encoding) {
    if (encoding == kUtf8 || encoding.empty()) {
        return sanitize_utf8(bytes);
    }
    const std::string source(bytes);
    char* out = CPLRecode(source.c_str(), encoding.c_str(), CPL_ENC_UTF8);
    std::string text = out != nullptr ? out : "";
    CPLFree(out);
    return sanitize_utf8(text);
}

std::string sanitize_utf8(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size());
    std::size_t i = 0;
    while (i < bytes.size()) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        const std::size_t len = c < 0x80           ? 1
                                : (c >> 5) == 0x6  ? 2
                                : (c >> 4) == 0xE  ? 3
                                : (c >> 3) == 0x1E ? 4
                                                   : 0;
        if (len > 0 && i + len <= bytes.size() && is_valid_utf8(bytes.substr(i, len))) {
            out.append(bytes.substr(i, len));
            i += len;
        } else {
            out += "\xEF\xBF\xBD";  // U+FFFD
            ++i;
        }
    }
    return out;
}

}  // namespace beltplan::io

// Font lookup: BELTPLAN_FONT, else `fc-match 'sans-serif:lang=zh-cn'`, else the usual Debian
// path of fonts-noto-cjk; the face index selects the Simplified Chinese face of a .ttc.
#include "render/fonts.h"

#include <osgDB/Options>
#include <osgText/Font>
#include <sys/stat.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>

namespace beltplan::render {

namespace {

bool file_exists(const std::string& path) {
    struct stat st {};
    return !path.empty() && ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

// "path:index" from fc-match, or "" when fontconfig is absent or finds no CJK font.
std::string fc_match(bool bold) {
    const std::string cmd = std::string("fc-match -f '%{file}:%{index}' 'sans-serif:lang=zh-cn") +
                            (bold ? ":weight=bold" : "") + "' 2>/dev/null";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(cmd.c_str(), "r"), ::pclose);
    if (!pipe) {
        return "";
    }
    std::array<char, 1024> buf{};
    std::string out;
    while (std::fgets(buf.data(), static_cast<int>(buf.size()), pipe.get()) != nullptr) {
        out += buf.data();
    }
    return out;
}

bool is_cjk_file(const std::string& path) {
    return path.find("CJK") != std::string::npos || path.find("wqy") != std::string::npos ||
           path.find("SourceHan") != std::string::npos || path.find("Droid") != std::string::npos;
}

}  // namespace

core::Result<FontFile> find_cjk_font(bool bold) {
    if (const char* env = std::getenv("BELTPLAN_FONT"); env != nullptr && *env != '\0') {
        std::string spec = env;
        FontFile f{spec, 0};
        if (const auto colon = spec.rfind(':'); colon != std::string::npos) {
            f.path = spec.substr(0, colon);
            f.face_index = std::atoi(spec.c_str() + colon + 1);
        }
        if (!file_exists(f.path)) {
            return core::make_error(core::ErrorCode::kOpenFailed, {f.path, "", -1, ""},
                                    "the font named by BELTPLAN_FONT does not exist.");
        }
        return f;
    }
    const std::string matched = fc_match(bold);
    if (const auto colon = matched.rfind(':'); colon != std::string::npos) {
        FontFile f{matched.substr(0, colon), std::atoi(matched.c_str() + colon + 1)};
        if (file_exists(f.path) && is_cjk_file(f.path)) {
            return f;
        }
    }
    const std::string fallback = std::string("/usr/share/fonts/opentype/noto/NotoSansCJK-") +
                                 (bold ? "Bold" : "Regular") + ".ttc";
    if (file_exists(fallback)) {
        return FontFile{fallback, 2};
    }
    return core::make_error(core::ErrorCode::kOpenFailed, {},
                            "no font with Chinese glyphs was found, so names cannot be drawn; "
                            "install fonts-noto-cjk (apt-get install fonts-noto-cjk) or set "
                            "BELTPLAN_FONT=/path/to/font.ttc:index.");
}

core::Result<osg::ref_ptr<osgText::Font>> load_cjk_font(bool bold) {
    static std::map<bool, osg::ref_ptr<osgText::Font>> cache;
    if (auto it = cache.find(bold); it != cache.end()) {
        return it->second;
    }
    core::Result<FontFile> file = find_cjk_font(bold);
    if (!file) {
        return file.error();
    }
    osg::ref_ptr<osgDB::Options> options = new osgDB::Options;
    options->setPluginStringData("index", std::to_string(file->face_index));
    osg::ref_ptr<osgText::Font> font = osgText::readRefFontFile(file->path, options.get());
    if (!font) {
        return core::make_error(core::ErrorCode::kOpenFailed, {file->path, "", -1, ""},
                                "the font could not be read (is the osgdb_freetype plugin of "
                                "OpenSceneGraph installed?).");
    }
    cache[bold] = font;
    return font;
}

}  // namespace beltplan::render

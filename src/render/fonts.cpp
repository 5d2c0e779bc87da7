// Font lookup: BELTPLAN_FONT, else fontconfig's match for 'sans-serif:lang=zh-cn' (the library,
// as fc-match would answer), else the usual Debian path of fonts-noto-cjk; the face index
// selects the Simplified Chinese face of a .ttc.
#include "render/fonts.h"

#include <fontconfig/fontconfig.h>
#include <osgDB/Options>
#include <osgText/Font>
#include <sys/stat.h>

#include <cstdlib>
#include <map>
#include <memory>
#include <optional>

namespace beltplan::render {

namespace {

bool file_exists(const std::string& path) {
    struct stat st {};
    return !path.empty() && ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

struct PatternFree {
    void operator()(FcPattern* p) const { FcPatternDestroy(p); }
};
using Pattern = std::unique_ptr<FcPattern, PatternFree>;

// The font fontconfig matches for Simplified Chinese sans-serif (bold when asked), as a file
// and face index; nullopt when fontconfig has no configuration or no match.
std::optional<FontFile> fontconfig_match(bool bold) {
    const std::string spec = std::string("sans-serif:lang=zh-cn") + (bold ? ":weight=bold" : "");
    Pattern pattern(FcNameParse(reinterpret_cast<const FcChar8*>(spec.c_str())));
    if (!pattern || FcConfigSubstitute(nullptr, pattern.get(), FcMatchPattern) == FcFalse) {
        return std::nullopt;
    }
    FcDefaultSubstitute(pattern.get());
    FcResult result = FcResultNoMatch;
    Pattern match(FcFontMatch(nullptr, pattern.get(), &result));
    FcChar8* file = nullptr;
    if (!match || FcPatternGetString(match.get(), FC_FILE, 0, &file) != FcResultMatch) {
        return std::nullopt;
    }
    int index = 0;
    if (FcPatternGetInteger(match.get(), FC_INDEX, 0, &index) != FcResultMatch) {
        index = 0;
    }
    return FontFile{reinterpret_cast<const char*>(file), index};
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
    if (const std::optional<FontFile> f = fontconfig_match(bold);
        f && file_exists(f->path) && is_cjk_file(f->path)) {
        return *f;
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

// The CJK font of labels and map furniture: Noto Sans CJK (Simplified Chinese face) found at
// run time through fontconfig, or the file named by BELTPLAN_FONT.
#pragma once

#include "core/result.h"

#include <osg/ref_ptr>
#include <osgText/Font>

#include <string>

namespace beltplan::render {

struct FontFile {
    std::string path;
    int face_index = 0;  // face in a .ttc collection (2 = Simplified Chinese in Noto Sans CJK)
};

// Locates a font with Simplified Chinese glyphs (bold or regular); an error naming the package
// to install when there is none.
core::Result<FontFile> find_cjk_font(bool bold = false);

// Loads (once per process and weight) the CJK font through the osgText freetype plugin.
core::Result<osg::ref_ptr<osgText::Font>> load_cjk_font(bool bold = false);

}  // namespace beltplan::render

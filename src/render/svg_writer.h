// SVG of a map document: layers as groups (ids = layer names), paths, markers, rasters as
// embedded PNG, and every text as a <text> element in the CJK font, whose used glyphs are
// embedded as an OpenType subset (HarfBuzz), so names stay searchable and look the same
// where the font is not installed.
#pragma once

#include "core/result.h"
#include "render/map_document.h"

#include <string>

namespace beltplan::render {

// The whole SVG file. Errors: no CJK font, a font HarfBuzz cannot subset.
core::Result<std::string> svg_text(const MapDocument& doc);

}  // namespace beltplan::render

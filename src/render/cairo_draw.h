// Internal to render: the cairo backend that draws a map document, and the CJK font faces it
// uses. Only render's .cpp files include this (cairo is linked privately).
#pragma once

#include "core/result.h"
#include "render/fonts.h"
#include "render/map_document.h"

#include <cairo.h>

namespace beltplan::render {

// The regular and bold CJK faces, made once per process (never released).
struct CairoFonts {
    cairo_font_face_t* regular = nullptr;
    cairo_font_face_t* bold = nullptr;
    FontFile regular_file;
    FontFile bold_file;
};
core::Result<CairoFonts> cairo_fonts();

// Draws every layer of `doc` in page units onto `cr` (scale it first for pixels or points).
void draw_document(cairo_t* cr, const MapDocument& doc, const CairoFonts& fonts);

}  // namespace beltplan::render

// The cairo backend of map documents: paths, markers, text (the CJK font through cairo-ft, so
// a PDF keeps every name as text with the font embedded as a subset) and rasters, onto an
// image surface (PNG, tests) or a PDF surface (one page or a book of pages).
// Index: [SECTION] Fonts, [SECTION] Drawing, [SECTION] Outputs.
#include "core/messages.h"
#include "core/safe_file.h"
#include "render/cairo_draw.h"
#include "render/fonts.h"
#include "render/map_output.h"

#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace beltplan::render {

// ------------------------------------------------------------------------------------------
// [SECTION] Fonts
// ------------------------------------------------------------------------------------------

namespace {

cairo_font_face_t* face_of(const FontFile& file) {
    FcPattern* pattern = FcPatternCreate();
    FcPatternAddString(pattern, FC_FILE, reinterpret_cast<const FcChar8*>(file.path.c_str()));
    FcPatternAddInteger(pattern, FC_INDEX, file.face_index);
    cairo_font_face_t* face = cairo_ft_font_face_create_for_pattern(pattern);
    FcPatternDestroy(pattern);
    return face;
}

}  // namespace

core::Result<CairoFonts> cairo_fonts() {
    static core::Result<CairoFonts> fonts = []() -> core::Result<CairoFonts> {
        core::Result<FontFile> regular = find_cjk_font(false);
        if (!regular) {
            return regular.error();
        }
        core::Result<FontFile> bold = find_cjk_font(true);
        CairoFonts f;
        f.regular = face_of(*regular);
        f.bold = bold ? face_of(*bold) : cairo_font_face_reference(f.regular);
        f.regular_file = *regular;
        f.bold_file = bold ? *bold : *regular;
        return f;
    }();
    return fonts;
}

// ------------------------------------------------------------------------------------------
// [SECTION] Drawing
// ------------------------------------------------------------------------------------------

namespace {

constexpr double kPi = 3.14159265358979323846;
// Noto Sans CJK's ideographic em box: the baseline lies 0.88 em below its top.
constexpr double kBaselineEm = 0.88;

void set_color(cairo_t* cr, const Rgba& c, float alpha = 1.f) {
    cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a * alpha);
}

void add_path(cairo_t* cr, const PathItem& item) {
    for (std::size_t s = 0; s < item.starts.size(); ++s) {
        const std::size_t first = item.starts[s];
        const std::size_t n = item.subpath_size(s);
        if (n == 0) {
            continue;
        }
        cairo_move_to(cr, item.points[first].x, item.points[first].y);
        for (std::size_t i = 1; i < n; ++i) {
            cairo_line_to(cr, item.points[first + i].x, item.points[first + i].y);
        }
        if (item.closed) {
            cairo_close_path(cr);
        }
    }
}

void set_stroke(cairo_t* cr, const PathStyle& style) {
    cairo_set_line_width(cr, style.stroke_width);
    cairo_set_line_cap(cr, style.round ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT);
    cairo_set_line_join(cr, style.round ? CAIRO_LINE_JOIN_ROUND : CAIRO_LINE_JOIN_MITER);
    cairo_set_dash(cr, style.dash.empty() ? nullptr : style.dash.data(),
                   static_cast<int>(style.dash.size()), 0.0);
    set_color(cr, style.stroke);
}

void draw_path(cairo_t* cr, const PathItem& item) {
    const bool fill = item.closed && item.style.fill.a > 0.f;
    const bool stroke = item.style.stroke.a > 0.f && item.style.stroke_width > 0.0;
    if (item.empty() || (!fill && !stroke)) {
        return;
    }
    add_path(cr, item);
    if (fill) {
        cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
        set_color(cr, item.style.fill);
        stroke ? cairo_fill_preserve(cr) : cairo_fill(cr);
    }
    if (stroke) {
        set_stroke(cr, item.style);
        cairo_stroke(cr);
    }
}

void marker_path(cairo_t* cr, MarkerShape shape, const PagePoint& at, double size) {
    const double r = size / 2.0;
    switch (shape) {
        case MarkerShape::kCircle:
            cairo_new_sub_path(cr);
            cairo_arc(cr, at.x, at.y, r, 0.0, 2.0 * kPi);
            break;
        case MarkerShape::kSquare:
            cairo_rectangle(cr, at.x - r, at.y - r, size, size);
            break;
        case MarkerShape::kDiamond:
            cairo_move_to(cr, at.x, at.y - r);
            cairo_line_to(cr, at.x + 0.8 * r, at.y);
            cairo_line_to(cr, at.x, at.y + r);
            cairo_line_to(cr, at.x - 0.8 * r, at.y);
            cairo_close_path(cr);
            break;
        case MarkerShape::kStar:
            for (int i = 0; i < 10; ++i) {
                const double rr = i % 2 == 0 ? r : r * 0.45;
                const double a = -kPi / 2.0 + i * kPi / 5.0;
                const double x = at.x + rr * std::cos(a);
                const double y = at.y + rr * std::sin(a);
                i == 0 ? cairo_move_to(cr, x, y) : cairo_line_to(cr, x, y);
            }
            cairo_close_path(cr);
            break;
    }
}

void draw_markers(cairo_t* cr, const MarkerItem& item) {
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_dash(cr, nullptr, 0, 0.0);
    if (item.rim_width <= 0.0) {  // dots: one fill for all
        for (const PagePoint& p : item.at) {
            marker_path(cr, item.shape, p, item.size);
        }
        cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
        set_color(cr, item.fill);
        cairo_fill(cr);
        return;
    }
    // Each marker with its rim, so a later marker lies on top of an earlier one.
    cairo_set_line_width(cr, 2.0 * item.rim_width);
    for (const PagePoint& p : item.at) {
        marker_path(cr, item.shape, p, item.size);
        set_color(cr, item.rim);
        cairo_stroke_preserve(cr);
        set_color(cr, item.fill);
        cairo_fill(cr);
    }
}

void draw_text(cairo_t* cr, const TextItem& t, const CairoFonts& fonts) {
    if (t.text.empty()) {
        return;
    }
    cairo_set_font_face(cr, t.bold ? fonts.bold : fonts.regular);
    cairo_set_font_size(cr, t.size);
    cairo_text_extents_t ext;
    cairo_text_extents(cr, t.text.c_str(), &ext);
    const double w = ext.x_advance;
    const double x =
        t.h == Align::kStart ? t.at.x : (t.h == Align::kCentre ? t.at.x - w / 2 : t.at.x - w);
    const double top = t.v == Align::kStart
                           ? t.at.y
                           : (t.v == Align::kCentre ? t.at.y - t.size / 2 : t.at.y - t.size);
    const double baseline = top + kBaselineEm * t.size;
    if (t.halo.a > 0.f && t.halo_width > 0.0) {
        cairo_move_to(cr, x, baseline);
        cairo_text_path(cr, t.text.c_str());
        cairo_set_line_width(cr, 2.0 * t.halo_width);
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
        cairo_set_dash(cr, nullptr, 0, 0.0);
        set_color(cr, t.halo);
        cairo_stroke(cr);
    }
    cairo_move_to(cr, x, baseline);
    set_color(cr, t.color);
    cairo_show_text(cr, t.text.c_str());
    cairo_new_path(cr);
}

void draw_raster(cairo_t* cr, const RasterItem& item) {
    const core::RasterImage* img = item.image.get();
    if (img == nullptr || img->empty()) {
        return;
    }
    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, img->width, img->height);
    unsigned char* data = cairo_image_surface_get_data(s);
    const int stride = cairo_image_surface_get_stride(s);
    for (int y = 0; y < img->height; ++y) {
        auto* row =
            reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
        for (int x = 0; x < img->width; ++x) {
            const std::uint8_t* p = &img->rgba[(static_cast<std::size_t>(y) * img->width + x) * 4];
            const std::uint32_t a = p[3];
            auto pre = [a](std::uint8_t c) {
                return (static_cast<std::uint32_t>(c) * a + 127) / 255;
            };
            row[x] = (a << 24) | (pre(p[0]) << 16) | (pre(p[1]) << 8) | pre(p[2]);
        }
    }
    cairo_surface_mark_dirty(s);
    cairo_save(cr);
    cairo_rectangle(cr, item.rect.x0, item.rect.y0, item.rect.width(), item.rect.height());
    cairo_clip(cr);
    cairo_translate(cr, item.rect.x0, item.rect.y0);
    cairo_scale(cr, item.rect.width() / img->width, item.rect.height() / img->height);
    cairo_set_source_surface(cr, s, 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
    cairo_paint_with_alpha(cr, item.opacity);
    cairo_restore(cr);
    cairo_surface_destroy(s);
}

}  // namespace

void draw_document(cairo_t* cr, const MapDocument& doc, const CairoFonts& fonts) {
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_set_font_options(cr, options);
    cairo_font_options_destroy(options);
    cairo_rectangle(cr, 0, 0, doc.width, doc.height);
    set_color(cr, doc.background);
    cairo_fill(cr);
    for (const DocLayer& layer : doc.layers) {
        cairo_save(cr);
        if (layer.clip) {
            cairo_rectangle(cr, layer.clip->x0, layer.clip->y0, layer.clip->width(),
                            layer.clip->height());
            cairo_clip(cr);
        }
        for (const DocItem& item : layer.items) {
            if (const auto* p = std::get_if<PathItem>(&item)) {
                draw_path(cr, *p);
            } else if (const auto* m = std::get_if<MarkerItem>(&item)) {
                draw_markers(cr, *m);
            } else if (const auto* t = std::get_if<TextItem>(&item)) {
                draw_text(cr, *t, fonts);
            } else if (const auto* r = std::get_if<RasterItem>(&item)) {
                draw_raster(cr, *r);
            }
        }
        cairo_restore(cr);
    }
}

}  // namespace beltplan::render

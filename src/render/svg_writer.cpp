// SVG serialisation of map documents: one <g> per layer, <path> per styled item, <text> per
// label with a halo drawn under the glyphs (paint-order), rasters as data: PNGs, and the CJK
// font subset (HarfBuzz) as a data: @font-face.
#include "render/svg_writer.h"

#include "core/messages.h"
#include "render/cairo_draw.h"

#include <cairo.h>
#include <hb-subset.h>
#include <hb.h>

#include <cmath>
#include <cstdio>
#include <set>
#include <sstream>

namespace beltplan::render {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kBaselineEm = 0.88;  // as the cairo backend (Noto Sans CJK's em box)
constexpr const char* kFamily = "beltplan-cjk";

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    std::string s = buf;
    while (!s.empty() && s.back() == '0') {
        s.pop_back();
    }
    if (!s.empty() && s.back() == '.') {
        s.pop_back();
    }
    return s == "-0" ? "0" : s;
}

std::string color(const Rgba& c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", to_byte(c.r), to_byte(c.g), to_byte(c.b));
    return buf;
}

std::string escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string base64(const unsigned char* data, std::size_t n) {
    static const char* kAlphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((n + 2) / 3 * 4);
    for (std::size_t i = 0; i < n; i += 3) {
        const std::uint32_t v = (static_cast<std::uint32_t>(data[i]) << 16) |
                                (i + 1 < n ? static_cast<std::uint32_t>(data[i + 1]) << 8 : 0) |
                                (i + 2 < n ? data[i + 2] : 0);
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
        out += i + 1 < n ? kAlphabet[(v >> 6) & 63] : '=';
        out += i + 2 < n ? kAlphabet[v & 63] : '=';
    }
    return out;
}

// Code points of a UTF-8 string (invalid bytes are skipped).
void add_codepoints(const std::string& s, std::set<std::uint32_t>& out) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const int len = c < 0x80         ? 1
                        : (c >> 5) == 6  ? 2
                        : (c >> 4) == 14 ? 3
                        : (c >> 3) == 30 ? 4
                                         : 0;
        if (len == 0 || i + static_cast<std::size_t>(len) > s.size()) {
            ++i;
            continue;
        }
        std::uint32_t cp = len == 1 ? c : c & (0x7f >> len);
        for (int k = 1; k < len; ++k) {
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3f);
        }
        out.insert(cp);
        i += static_cast<std::size_t>(len);
    }
}

// The glyphs of `codepoints` in the font as an OpenType file, base64.
core::Result<std::string> font_subset(const FontFile& file,
                                      const std::set<std::uint32_t>& codepoints) {
    hb_blob_t* blob = hb_blob_create_from_file_or_fail(file.path.c_str());
    if (blob == nullptr) {
        return core::make_error(core::ErrorCode::kOpenFailed, {file.path, "", -1, ""},
                                core::tr("outputs.font_unreadable"));
    }
    hb_face_t* face = hb_face_create(blob, static_cast<unsigned>(file.face_index));
    hb_subset_input_t* input = hb_subset_input_create_or_fail();
    hb_set_t* unicodes = hb_subset_input_unicode_set(input);
    for (std::uint32_t cp : codepoints) {
        hb_set_add(unicodes, cp);
    }
    hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING);
    hb_face_t* subset = hb_subset_or_fail(face, input);
    std::string encoded;
    if (subset != nullptr) {
        hb_blob_t* out = hb_face_reference_blob(subset);
        unsigned int length = 0;
        const char* data = hb_blob_get_data(out, &length);
        encoded = base64(reinterpret_cast<const unsigned char*>(data), length);
        hb_blob_destroy(out);
        hb_face_destroy(subset);
    }
    hb_subset_input_destroy(input);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
    if (encoded.empty()) {
        return core::make_error(core::ErrorCode::kInternal, {file.path, "", -1, ""},
                                core::tr("outputs.font_subset_failed"));
    }
    return encoded;
}

cairo_status_t append_png(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

std::string png_base64(const core::RasterImage& img) {
    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, img.width, img.height);
    unsigned char* data = cairo_image_surface_get_data(s);
    const int stride = cairo_image_surface_get_stride(s);
    for (int y = 0; y < img.height; ++y) {
        auto* row =
            reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
        for (int x = 0; x < img.width; ++x) {
            const std::uint8_t* p = &img.rgba[(static_cast<std::size_t>(y) * img.width + x) * 4];
            const std::uint32_t a = p[3];
            auto pre = [a](std::uint8_t c) {
                return (static_cast<std::uint32_t>(c) * a + 127) / 255;
            };
            row[x] = (a << 24) | (pre(p[0]) << 16) | (pre(p[1]) << 8) | pre(p[2]);
        }
    }
    cairo_surface_mark_dirty(s);
    std::string png;
    cairo_surface_write_to_png_stream(s, append_png, &png);
    cairo_surface_destroy(s);
    return base64(reinterpret_cast<const unsigned char*>(png.data()), png.size());
}

void paint_attributes(std::ostream& out, const PathStyle& st, bool closed) {
    const bool fill = closed && st.fill.a > 0.f;
    out << " fill=\"" << (fill ? color(st.fill) : "none") << '"';
    if (fill && st.fill.a < 1.f) {
        out << " fill-opacity=\"" << num(st.fill.a) << '"';
    }
    if (st.stroke.a > 0.f && st.stroke_width > 0.0) {
        out << " stroke=\"" << color(st.stroke) << "\" stroke-width=\"" << num(st.stroke_width)
            << '"';
        if (st.stroke.a < 1.f) {
            out << " stroke-opacity=\"" << num(st.stroke.a) << '"';
        }
        out << (st.round ? " stroke-linejoin=\"round\" stroke-linecap=\"round\""
                         : " stroke-linejoin=\"miter\" stroke-linecap=\"butt\"");
        if (!st.dash.empty()) {
            out << " stroke-dasharray=\"";
            for (std::size_t i = 0; i < st.dash.size(); ++i) {
                out << (i > 0 ? "," : "") << num(st.dash[i]);
            }
            out << '"';
        }
    }
}

void write_path(std::ostream& out, const PathItem& item) {
    if (item.empty()) {
        return;
    }
    out << "<path d=\"";
    for (std::size_t s = 0; s < item.starts.size(); ++s) {
        const std::size_t first = item.starts[s];
        for (std::size_t i = 0; i < item.subpath_size(s); ++i) {
            const PagePoint& p = item.points[first + i];
            out << (i == 0 ? 'M' : 'L') << num(p.x) << ' ' << num(p.y);
        }
        if (item.closed) {
            out << 'Z';
        }
    }
    out << '"';
    paint_attributes(out, item.style, item.closed);
    out << "/>\n";
}

std::string marker_d(MarkerShape shape, const PagePoint& at, double size) {
    const double r = size / 2.0;
    std::ostringstream d;
    switch (shape) {
        case MarkerShape::kCircle:
            d << 'M' << num(at.x - r) << ' ' << num(at.y) << "a" << num(r) << ' ' << num(r)
              << " 0 1 0 " << num(2 * r) << " 0a" << num(r) << ' ' << num(r) << " 0 1 0 "
              << num(-2 * r) << " 0Z";
            break;
        case MarkerShape::kSquare:
            d << 'M' << num(at.x - r) << ' ' << num(at.y - r) << 'h' << num(size) << 'v'
              << num(size) << 'h' << num(-size) << 'Z';
            break;
        case MarkerShape::kDiamond:
            d << 'M' << num(at.x) << ' ' << num(at.y - r) << 'L' << num(at.x + 0.8 * r) << ' '
              << num(at.y) << 'L' << num(at.x) << ' ' << num(at.y + r) << 'L' << num(at.x - 0.8 * r)
              << ' ' << num(at.y) << 'Z';
            break;
        case MarkerShape::kStar:
            for (int i = 0; i < 10; ++i) {
                const double rr = i % 2 == 0 ? r : r * 0.45;
                const double a = -kPi / 2.0 + i * kPi / 5.0;
                d << (i == 0 ? 'M' : 'L') << num(at.x + rr * std::cos(a)) << ' '
                  << num(at.y + rr * std::sin(a));
            }
            d << 'Z';
            break;
    }
    return d.str();
}

void write_markers(std::ostream& out, const MarkerItem& m) {
    if (m.rim_width <= 0.0) {
        out << "<path fill=\"" << color(m.fill) << "\" d=\"";
        for (const PagePoint& p : m.at) {
            out << marker_d(m.shape, p, m.size);
        }
        out << "\"/>\n";
        return;
    }
    for (const PagePoint& p : m.at) {
        out << "<path d=\"" << marker_d(m.shape, p, m.size) << "\" fill=\"" << color(m.fill)
            << "\" stroke=\"" << color(m.rim) << "\" stroke-width=\"" << num(2 * m.rim_width)
            << "\" stroke-linejoin=\"round\" paint-order=\"stroke\"/>\n";
    }
}

void write_text(std::ostream& out, const TextItem& t) {
    const double top = t.v == Align::kStart    ? t.at.y
                       : t.v == Align::kCentre ? t.at.y - t.size / 2
                                               : t.at.y - t.size;
    out << "<text x=\"" << num(t.at.x) << "\" y=\"" << num(top + kBaselineEm * t.size)
        << "\" font-size=\"" << num(t.size) << '"';
    if (t.bold) {
        out << " font-weight=\"bold\"";
    }
    if (t.h != Align::kStart) {
        out << " text-anchor=\"" << (t.h == Align::kCentre ? "middle" : "end") << '"';
    }
    out << " fill=\"" << color(t.color) << '"';
    if (t.halo.a > 0.f && t.halo_width > 0.0) {
        out << " stroke=\"" << color(t.halo) << "\" stroke-opacity=\"" << num(t.halo.a)
            << "\" stroke-width=\"" << num(2 * t.halo_width)
            << "\" stroke-linejoin=\"round\" paint-order=\"stroke\"";
    }
    out << '>' << escape(t.text) << "</text>\n";
}

void write_raster(std::ostream& out, const RasterItem& r) {
    if (!r.image || r.image->empty()) {
        return;
    }
    out << "<image x=\"" << num(r.rect.x0) << "\" y=\"" << num(r.rect.y0) << "\" width=\""
        << num(r.rect.width()) << "\" height=\"" << num(r.rect.height())
        << "\" preserveAspectRatio=\"none\"";
    if (r.opacity < 1.f) {
        out << " opacity=\"" << num(r.opacity) << '"';
    }
    out << " xlink:href=\"data:image/png;base64," << png_base64(*r.image) << "\"/>\n";
}

// The @font-face rules of the regular and bold subsets.
core::Result<std::string> font_faces(const MapDocument& doc) {
    std::set<std::uint32_t> regular;
    std::set<std::uint32_t> bold;
    for (const DocLayer& layer : doc.layers) {
        for (const DocItem& item : layer.items) {
            if (const auto* t = std::get_if<TextItem>(&item)) {
                add_codepoints(t->text, t->bold ? bold : regular);
            }
        }
    }
    core::Result<CairoFonts> fonts = cairo_fonts();
    if (!fonts) {
        return fonts.error();
    }
    std::string css;
    const std::pair<const std::set<std::uint32_t>*, const FontFile*> faces[] = {
        {&regular, &fonts->regular_file}, {&bold, &fonts->bold_file}};
    for (const auto& [points, file] : faces) {
        if (points->empty()) {
            continue;
        }
        core::Result<std::string> data = font_subset(*file, *points);
        if (!data) {
            return data.error();
        }
        css += std::string("@font-face{font-family:\"") + kFamily +
               "\";font-weight:" + (points == &bold ? "bold" : "normal") +
               ";src:url(data:font/otf;base64," + *data + ") format(\"opentype\");}\n";
    }
    css += std::string("text{font-family:\"") + kFamily +
           "\",\"Noto Sans CJK SC\",\"Source Han Sans SC\",sans-serif;}\n";
    return css;
}

}  // namespace

core::Result<std::string> svg_text(const MapDocument& doc) {
    core::Result<std::string> css = font_faces(doc);
    if (!css) {
        return css.error();
    }
    std::ostringstream out;
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        << "<svg xmlns=\"http://www.w3.org/2000/svg\" "
           "xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\" width=\""
        << num(doc.width) << "px\" height=\"" << num(doc.height) << "px\" viewBox=\"0 0 "
        << num(doc.width) << ' ' << num(doc.height) << "\">\n"
        << "<title>" << escape(doc.title) << "</title>\n<defs>\n<style>\n"
        << *css << "</style>\n";
    for (std::size_t i = 0; i < doc.layers.size(); ++i) {
        if (const auto& c = doc.layers[i].clip; c) {
            out << "<clipPath id=\"clip" << i << "\"><rect x=\"" << num(c->x0) << "\" y=\""
                << num(c->y0) << "\" width=\"" << num(c->width()) << "\" height=\""
                << num(c->height()) << "\"/></clipPath>\n";
        }
    }
    out << "</defs>\n<rect width=\"100%\" height=\"100%\" fill=\"" << color(doc.background)
        << "\"/>\n";
    for (std::size_t i = 0; i < doc.layers.size(); ++i) {
        const DocLayer& layer = doc.layers[i];
        out << "<g id=\"" << escape(layer.name) << '"';
        if (layer.clip) {
            out << " clip-path=\"url(#clip" << i << ")\"";
        }
        out << ">\n";
        for (const DocItem& item : layer.items) {
            if (const auto* p = std::get_if<PathItem>(&item)) {
                write_path(out, *p);
            } else if (const auto* m = std::get_if<MarkerItem>(&item)) {
                write_markers(out, *m);
            } else if (const auto* t = std::get_if<TextItem>(&item)) {
                write_text(out, *t);
            } else if (const auto* r = std::get_if<RasterItem>(&item)) {
                write_raster(out, *r);
            }
        }
        out << "</g>\n";
    }
    out << "</svg>\n";
    return out.str();
}

}  // namespace beltplan::render

// Output files of map documents: page sizes, PNG and PDF through cairo, SVG through the SVG
// writer, each written to a SafeFile temporary and committed only when complete.
#include "render/map_output.h"

#include "core/messages.h"
#include "core/safe_file.h"
#include "render/cairo_draw.h"
#include "render/svg_writer.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>

namespace beltplan::render {

namespace {

// A PDF point is 1/72 inch; page units are 1/96 inch.
constexpr double kPointsPerUnit = 72.0 / kUnitsPerInch;
// Largest raster side cairo's image surfaces accept.
constexpr double kMaxRasterPx = 32767.0;

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

core::Error write_error(const std::string& path, const std::string& why) {
    return core::make_error(core::ErrorCode::kWriteFailed, {path, "", -1, ""},
                            core::tr("safe_file.write_failed", {why}));
}

std::string cairo_why(cairo_status_t status) {
    return cairo_status_to_string(status);
}

core::Result<cairo_surface_t*> image_surface(const MapDocument& doc, double px_per_unit) {
    const double w = std::ceil(doc.width * px_per_unit);
    const double h = std::ceil(doc.height * px_per_unit);
    if (!(w >= 1 && h >= 1 && w <= kMaxRasterPx && h <= kMaxRasterPx)) {
        return core::make_error(
            core::ErrorCode::kBadArgument, {},
            core::tr("outputs.image_too_large", {std::to_string(static_cast<long long>(w)),
                                                 std::to_string(static_cast<long long>(h))}));
    }
    cairo_surface_t* s =
        cairo_image_surface_create(CAIRO_FORMAT_ARGB32, static_cast<int>(w), static_cast<int>(h));
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(s);
        return core::make_error(
            core::ErrorCode::kInternal, {},
            core::tr("outputs.image_no_memory", {std::to_string(static_cast<long long>(w)),
                                                 std::to_string(static_cast<long long>(h))}));
    }
    return s;
}

// Draws the document onto a new image surface; the caller destroys it.
core::Result<cairo_surface_t*> draw_image(const MapDocument& doc, double px_per_unit) {
    core::Result<CairoFonts> fonts = cairo_fonts();
    if (!fonts) {
        return fonts.error();
    }
    core::Result<cairo_surface_t*> surface = image_surface(doc, px_per_unit);
    if (!surface) {
        return surface.error();
    }
    cairo_t* cr = cairo_create(*surface);
    cairo_scale(cr, px_per_unit, px_per_unit);
    draw_document(cr, doc, *fonts);
    cairo_destroy(cr);
    cairo_surface_flush(*surface);
    return surface;
}

core::Status write_png(const MapDocument& doc, const std::string& path, double px_per_unit) {
    core::Result<cairo_surface_t*> surface = draw_image(doc, px_per_unit);
    if (!surface) {
        return surface.error();
    }
    core::Result<core::SafeFile> file = core::SafeFile::begin(path);
    if (!file) {
        cairo_surface_destroy(*surface);
        return file.error();
    }
    const cairo_status_t st = cairo_surface_write_to_png(*surface, file->temp_path().c_str());
    cairo_surface_destroy(*surface);
    if (st != CAIRO_STATUS_SUCCESS) {
        return write_error(path, cairo_why(st));
    }
    return file->commit();
}

core::Status write_svg(const MapDocument& doc, const std::string& path) {
    core::Result<std::string> svg = svg_text(doc);
    if (!svg) {
        return svg.error();
    }
    return core::write_file_atomically(path, *svg);
}

}  // namespace

std::optional<OutputFormat> output_format(const std::string& path) {
    const std::string p = lower(path);
    auto ends = [&](const char* ext) {
        const std::size_t n = std::strlen(ext);
        return p.size() > n && p.compare(p.size() - n, n, ext) == 0;
    };
    if (ends(".png")) {
        return OutputFormat::kPng;
    }
    if (ends(".pdf")) {
        return OutputFormat::kPdf;
    }
    if (ends(".svg")) {
        return OutputFormat::kSvg;
    }
    return std::nullopt;
}

std::optional<PagePoint> paper_size_units(const std::string& paper, bool landscape) {
    static const std::pair<const char*, PagePoint> kPapers[] = {{"a0", {841, 1189}},
                                                                {"a1", {594, 841}},
                                                                {"a2", {420, 594}},
                                                                {"a3", {297, 420}},
                                                                {"a4", {210, 297}}};
    for (const auto& [name, mm] : kPapers) {
        if (lower(paper) == name) {
            const PagePoint units{mm.x * kUnitsPerMm, mm.y * kUnitsPerMm};
            return landscape ? PagePoint{units.y, units.x} : units;
        }
    }
    return std::nullopt;
}

core::Result<core::RasterImage> rasterize(const MapDocument& doc, double px_per_unit) {
    core::Result<cairo_surface_t*> surface = draw_image(doc, px_per_unit);
    if (!surface) {
        return surface.error();
    }
    core::RasterImage out;
    out.width = cairo_image_surface_get_width(*surface);
    out.height = cairo_image_surface_get_height(*surface);
    out.rgba.resize(static_cast<std::size_t>(out.width) * out.height * 4);
    const unsigned char* data = cairo_image_surface_get_data(*surface);
    const int stride = cairo_image_surface_get_stride(*surface);
    for (int y = 0; y < out.height; ++y) {
        const auto* row =
            reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
        for (int x = 0; x < out.width; ++x) {
            const std::uint32_t px = row[x];
            const std::uint32_t a = px >> 24;
            auto un = [a](std::uint32_t c) {
                return static_cast<std::uint8_t>(
                    a == 0 ? 0 : std::min<std::uint32_t>(255, (c * 255 + a / 2) / a));
            };
            std::uint8_t* q = &out.rgba[(static_cast<std::size_t>(y) * out.width + x) * 4];
            q[0] = un((px >> 16) & 0xff);
            q[1] = un((px >> 8) & 0xff);
            q[2] = un(px & 0xff);
            q[3] = static_cast<std::uint8_t>(a);
        }
    }
    cairo_surface_destroy(*surface);
    return out;
}

core::Status write_map(const MapDocument& doc, const std::string& path, OutputFormat format,
                       double px_per_unit) {
    switch (format) {
        case OutputFormat::kPng:
            return write_png(doc, path, px_per_unit);
        case OutputFormat::kSvg:
            return write_svg(doc, path);
        case OutputFormat::kPdf:
            break;
    }
    core::Result<std::unique_ptr<PdfBook>> book = PdfBook::open(path, doc.title);
    if (!book) {
        return book.error();
    }
    if (core::Status page = (*book)->add_page(doc); !page) {
        return page;
    }
    return (*book)->finish();
}

// ------------------------------------------------------------------------------------------
// PdfBook
// ------------------------------------------------------------------------------------------

struct PdfBook::Impl {
    std::optional<core::SafeFile> file;
    cairo_surface_t* surface = nullptr;
    CairoFonts fonts;
    int pages = 0;
    ~Impl() {
        if (surface != nullptr) {
            cairo_surface_destroy(surface);
        }
    }
};

PdfBook::PdfBook() : impl_(std::make_unique<Impl>()) {}
PdfBook::~PdfBook() = default;

core::Result<std::unique_ptr<PdfBook>> PdfBook::open(const std::string& path,
                                                     const std::string& title) {
    core::Result<CairoFonts> fonts = cairo_fonts();
    if (!fonts) {
        return fonts.error();
    }
    core::Result<core::SafeFile> file = core::SafeFile::begin(path);
    if (!file) {
        return file.error();
    }
    std::unique_ptr<PdfBook> book(new PdfBook);
    book->impl_->fonts = *fonts;
    book->impl_->surface = cairo_pdf_surface_create(file->temp_path().c_str(), 595, 842);
    if (const cairo_status_t st = cairo_surface_status(book->impl_->surface);
        st != CAIRO_STATUS_SUCCESS) {
        return write_error(path, cairo_why(st));
    }
    cairo_pdf_surface_set_metadata(book->impl_->surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(book->impl_->surface, CAIRO_PDF_METADATA_CREATOR, "beltplan");
    book->impl_->file = std::move(*file);
    return book;
}

core::Status PdfBook::add_page(const MapDocument& doc) {
    cairo_pdf_surface_set_size(impl_->surface, doc.width * kPointsPerUnit,
                               doc.height * kPointsPerUnit);
    cairo_t* cr = cairo_create(impl_->surface);
    cairo_scale(cr, kPointsPerUnit, kPointsPerUnit);
    draw_document(cr, doc, impl_->fonts);
    cairo_show_page(cr);
    const cairo_status_t st = cairo_status(cr);
    cairo_destroy(cr);
    if (st != CAIRO_STATUS_SUCCESS) {
        return write_error(impl_->file->target(), cairo_why(st));
    }
    ++impl_->pages;
    return core::Ok{};
}

int PdfBook::pages() const {
    return impl_->pages;
}

core::Status PdfBook::finish() {
    cairo_surface_finish(impl_->surface);
    const cairo_status_t st = cairo_surface_status(impl_->surface);
    cairo_surface_destroy(impl_->surface);
    impl_->surface = nullptr;
    if (st != CAIRO_STATUS_SUCCESS) {
        return write_error(impl_->file->target(), cairo_why(st));
    }
    return impl_->file->commit();
}

}  // namespace beltplan::render

// Writing map documents: PNG and PDF through cairo (PDF with the CJK font embedded as a
// subset and every name kept as text), SVG as <text> elements with the used glyphs embedded as
// a font subset (HarfBuzz). Every file goes through core::SafeFile.
#pragma once

#include "core/raster_image.h"
#include "core/result.h"
#include "render/map_document.h"

#include <memory>
#include <optional>
#include <string>

namespace beltplan::render {

enum class OutputFormat { kPng, kPdf, kSvg };

// The format a path's extension names (.png .pdf .svg, any case); nullopt for others.
std::optional<OutputFormat> output_format(const std::string& path);

// Page size in page units of a paper name (A0..A4, any case); nullopt when unknown.
// Portrait unless `landscape`.
std::optional<PagePoint> paper_size_units(const std::string& paper, bool landscape);

// Draws the document into an RGBA image (row 0 at the top), `px_per_unit` pixels per page
// unit (1 = 96 dpi). Errors: no CJK font, an image too large to allocate.
core::Result<core::RasterImage> rasterize(const MapDocument& doc, double px_per_unit = 1.0);

// One document as a PNG (px_per_unit as above), PDF (one page) or SVG file.
core::Status write_map(const MapDocument& doc, const std::string& path, OutputFormat format,
                       double px_per_unit = 1.0);

// A PDF of many pages written one document at a time (the atlas): open, add pages, finish.
// Nothing replaces `path` until finish() succeeds.
class PdfBook {
public:
    static core::Result<std::unique_ptr<PdfBook>> open(const std::string& path,
                                                       const std::string& title);
    ~PdfBook();
    PdfBook(const PdfBook&) = delete;
    PdfBook& operator=(const PdfBook&) = delete;

    // Draws one page (its own size).
    core::Status add_page(const MapDocument& doc);
    int pages() const;
    // Completes the file and moves it into place.
    core::Status finish();

private:
    PdfBook();
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace beltplan::render

// XLSX through libxlsxwriter (Debian libxlsxwriter-dev: a maintained C library that writes
// cell formats, frozen panes and column widths, which GDAL's XLSX driver does not) and CSV
// with BOM, both through core::SafeFile.
#include "io/table_write.h"

#include "core/messages.h"
#include "core/safe_file.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <sstream>

namespace beltplan::io {

namespace {

// Display width of a text in Excel's column units: CJK and full-width characters take two.
double display_width(const std::string& s) {
    double w = 0.0;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t len = c < 0x80 ? 1 : (c < 0xe0 ? 2 : (c < 0xf0 ? 3 : 4));
        w += len >= 3 ? 2.0 : 1.0;
        i += len;
    }
    return w;
}

core::Error failed(const std::string& path, const std::string& why) {
    return core::make_error(core::ErrorCode::kWriteFailed, {path, "", -1, ""},
                            core::tr("safe_file.write_failed", {why}));
}

struct Formats {
    lxw_format* header = nullptr;
    lxw_format* integer = nullptr;
    lxw_format* number = nullptr;
    lxw_format* percent = nullptr;
    lxw_format* km = nullptr;
    lxw_format* text = nullptr;
};

Formats make_formats(lxw_workbook* wb) {
    Formats f;
    f.header = workbook_add_format(wb);
    format_set_bold(f.header);
    format_set_bg_color(f.header, 0xDDEBF7);
    format_set_bottom(f.header, LXW_BORDER_THIN);
    f.integer = workbook_add_format(wb);
    format_set_num_format(f.integer, "0");
    f.number = workbook_add_format(wb);
    format_set_num_format(f.number, "0.##");
    f.percent = workbook_add_format(wb);
    format_set_num_format(f.percent, "0.0%");
    f.km = workbook_add_format(wb);
    format_set_num_format(f.km, "0.0");
    f.text = workbook_add_format(wb);
    format_set_num_format(f.text, "@");  // codes stay text: 130705100 is not a number
    return f;
}

lxw_error write_cell(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const core::Cell& cell,
                     const Formats& f) {
    using Kind = core::Cell::Kind;
    if (cell.kind == Kind::kEmpty || (cell.kind != Kind::kText && !std::isfinite(cell.number))) {
        return LXW_NO_ERROR;
    }
    switch (cell.kind) {
        case Kind::kText:
            return worksheet_write_string(ws, r, c, cell.text.c_str(), f.text);
        case Kind::kInteger:
            return worksheet_write_number(ws, r, c, cell.number, f.integer);
        case Kind::kNumber:
            return worksheet_write_number(ws, r, c, cell.number, f.number);
        case Kind::kPercent:
            return worksheet_write_number(ws, r, c, cell.number, f.percent);
        case Kind::kKm:
            return worksheet_write_number(ws, r, c, cell.number, f.km);
        case Kind::kEmpty:
            break;
    }
    return LXW_NO_ERROR;
}

lxw_error write_sheet(lxw_workbook* wb, const core::Sheet& sheet, const Formats& f) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.name.c_str());
    if (ws == nullptr) {
        return LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED;
    }
    std::vector<double> width(sheet.headings.size(), 6.0);
    for (std::size_t c = 0; c < sheet.headings.size(); ++c) {
        width[c] = std::max(width[c], display_width(sheet.headings[c]) + 2.0);
        if (lxw_error e = worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c),
                                                 sheet.headings[c].c_str(), f.header);
            e != LXW_NO_ERROR) {
            return e;
        }
    }
    for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
        for (std::size_t c = 0; c < sheet.rows[r].size() && c < width.size(); ++c) {
            const core::Cell& cell = sheet.rows[r][c];
            width[c] = std::max(width[c], display_width(cell_text(cell)) + 2.0);
            if (lxw_error e = write_cell(ws, static_cast<lxw_row_t>(r + 1),
                                         static_cast<lxw_col_t>(c), cell, f);
                e != LXW_NO_ERROR) {
                return e;
            }
        }
    }
    for (std::size_t c = 0; c < width.size(); ++c) {
        worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                             std::min(width[c], 80.0), nullptr);
    }
    worksheet_freeze_panes(ws, 1, 0);
    return LXW_NO_ERROR;
}

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) {
        return s;
    }
    std::string out = "\"";
    for (char c : s) {
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return out + "\"";
}

}  // namespace

std::string cell_text(const core::Cell& cell) {
    using Kind = core::Cell::Kind;
    if (cell.kind == Kind::kText) {
        return cell.text;
    }
    if (cell.kind == Kind::kEmpty || !std::isfinite(cell.number)) {
        return "";
    }
    char buf[64];
    switch (cell.kind) {
        case Kind::kInteger:
            std::snprintf(buf, sizeof buf, "%.0f", cell.number);
            break;
        case Kind::kPercent:
            std::snprintf(buf, sizeof buf, "%.1f%%", cell.number * 100.0);
            break;
        case Kind::kKm:
            std::snprintf(buf, sizeof buf, "%.1f", cell.number);
            break;
        default: {
            std::snprintf(buf, sizeof buf, "%.2f", cell.number);
            std::string s = buf;
            while (s.back() == '0') {
                s.pop_back();
            }
            if (s.back() == '.') {
                s.pop_back();
            }
            return s;
        }
    }
    return buf;
}

core::Status write_xlsx(const core::Workbook& book, const std::string& path) {
    core::Result<core::SafeFile> file = core::SafeFile::begin(path);
    if (!file) {
        return file.error();
    }
    lxw_workbook* wb = workbook_new(file->temp_path().c_str());
    if (wb == nullptr) {
        return failed(path, core::tr("safe_file.cannot_create"));
    }
    const Formats formats = make_formats(wb);
    lxw_error error = LXW_NO_ERROR;
    for (const core::Sheet& sheet : book.sheets) {
        if (error == LXW_NO_ERROR) {
            error = write_sheet(wb, sheet, formats);
        }
    }
    const lxw_error closed = workbook_close(wb);  // writes the file; frees the workbook
    if (error != LXW_NO_ERROR || closed != LXW_NO_ERROR) {
        return failed(path, lxw_strerror(error != LXW_NO_ERROR ? error : closed));
    }
    return file->commit();
}

core::Result<std::vector<std::string>> write_csv_tables(const core::Workbook& book,
                                                        const std::string& folder) {
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec || !std::filesystem::is_directory(folder)) {
        return core::make_error(core::ErrorCode::kWriteFailed, {folder, "", -1, ""},
                                core::tr("outputs.csv_no_folder"));
    }
    std::vector<std::string> files;
    for (const core::Sheet& sheet : book.sheets) {
        std::ostringstream out;
        out << "\xEF\xBB\xBF";
        for (std::size_t c = 0; c < sheet.headings.size(); ++c) {
            out << (c > 0 ? "," : "") << csv_field(sheet.headings[c]);
        }
        out << "\r\n";
        for (const auto& row : sheet.rows) {
            for (std::size_t c = 0; c < row.size(); ++c) {
                out << (c > 0 ? "," : "") << csv_field(cell_text(row[c]));
            }
            out << "\r\n";
        }
        const std::string path = (std::filesystem::path(folder) / (sheet.name + ".csv")).string();
        if (core::Status s = core::write_file_atomically(path, out.str()); !s) {
            return s.error();
        }
        files.push_back(path);
    }
    return files;
}

}  // namespace beltplan::io

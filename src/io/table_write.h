// Writing workbooks (core::Workbook): XLSX through libxlsxwriter (numbers stored as numbers,
// percentages and km formatted, header rows frozen, columns sized to their text) and one UTF-8
// CSV file with BOM per sheet. Every file goes through core::SafeFile.
#pragma once

#include "core/result.h"
#include "core/table.h"

#include <string>
#include <vector>

namespace beltplan::io {

// The workbook as an .xlsx file at `path`; the previous file stays when writing fails.
core::Status write_xlsx(const core::Workbook& book, const std::string& path);

// Each sheet as "<folder>/<sheet name>.csv" (UTF-8 with BOM, CRLF, RFC 4180 quoting; shares
// as "38.6%", km with one decimal). The folder is made when missing. Returns the files.
core::Result<std::vector<std::string>> write_csv_tables(const core::Workbook& book,
                                                        const std::string& folder);

// A cell as its table text (what CSV holds and what column widths are measured on).
std::string cell_text(const core::Cell& cell);

}  // namespace beltplan::io

// What GDAL does not check in a shapefile before reading it (issue 9): that .shp, .shx and .dbf
// are whole and describe the same number of records; and the exact text of long numeric DBF
// fields, which GDAL reads as floating point (a 19-digit code loses its last digits).
#pragma once

#include "core/result.h"

#include <map>
#include <string>
#include <vector>

namespace beltplan::io {

// The record counts a shapefile declares.
struct ShapefileCounts {
    long long shx_records = -1;  // -1 without a .shx
    long long dbf_records = -1;  // -1 without a .dbf
    long long dbf_deleted = 0;   // records marked deleted, which readers skip
};

// Checks the .shp length against its header, the .shx and .dbf sizes against their headers,
// every .shx entry against the .shp size, and that .shx and .dbf hold as many records. An
// Error (kReadFailed) says which file is cut short or which counts disagree, and what to do.
core::Result<ShapefileCounts> check_shapefile(const std::string& shp_path);

// The raw text of each numeric DBF field too long for floating point to hold exactly (width
// 16 or more, no decimals), by the field's position among the .dbf fields: one trimmed string
// per record in file order. Empty when there is none or the file cannot be read.
std::map<int, std::vector<std::string>> long_numeric_columns(const std::string& dbf_path);

}  // namespace beltplan::io

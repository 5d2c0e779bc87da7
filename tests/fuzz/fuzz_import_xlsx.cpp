// Fuzz target: any bytes as a site list (.xlsx with lon/lat columns) through io::import_plan,
// with a fixed valid village GeoJSON (the first part of the packed input) beside it.
#include "fuzz_support.h"
#include "io/import.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto parts = beltplan::fuzz::split(data, size, 2);
    beltplan::io::ImportOptions options;
    options.villages = beltplan::io::SourceSpec{beltplan::fuzz::put("v.geojson", parts[0]), "", {}};
    options.sites = beltplan::io::SourceSpec{beltplan::fuzz::put("s.xlsx", parts[1]), "", {}};
    (void)beltplan::io::import_plan(options);
    return 0;
}

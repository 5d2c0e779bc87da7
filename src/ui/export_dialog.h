// File > Export map and File > Export tables: what to write (format, size, current view or
// the whole plan, title) and where (a path typed or chosen with the file dialog). The dialog
// returns a request; the app renders through the render and report libraries and writes the
// file through core::SafeFile, so a failed export leaves any older file as it was.
#pragma once

#include "ui/file_dialog.h"

#include <optional>
#include <string>
#include <vector>

namespace beltplan::ui {

enum class ExportKind { kMap, kTables };
enum class MapFormat { kPng, kPdf, kSvg };
enum class MapScope { kCurrentView, kWholePlan };
enum class TableFormat { kXlsx, kCsvFolder };

// ".png", ".pdf", ".svg".
const char* extension(MapFormat format);

struct ExportRequest {
    ExportKind kind = ExportKind::kMap;
    std::string path;
    MapFormat format = MapFormat::kPng;  // kMap
    MapScope scope = MapScope::kCurrentView;
    int width_px = 1600;
    int height_px = 1100;
    std::string title;                        // "" = the plan's name and the colouring's title
    TableFormat tables = TableFormat::kXlsx;  // kTables: path is an .xlsx file or a folder
};

// Sizes offered for a map, in pixels.
struct SizePreset {
    const char* key;  // catalogue key of its name
    int width_px;
    int height_px;
};
const std::vector<SizePreset>& size_presets();

class ExportDialog {
public:
    // Opens the map export, offering `formats` (the ones the render library can write), with
    // a default file beside the plan.
    void open_map(const std::string& plan_path, std::vector<MapFormat> formats);
    // Opens the tables export (.xlsx, or a folder of CSV files) with a default file beside the
    // plan.
    void open_tables(const std::string& plan_path);
    bool is_open() const { return open_; }
    void close() { open_ = false; }

    // Draws the modal while open; the request in the frame the planner presses Export.
    std::optional<ExportRequest> draw();

    // The model, for tests: the request as the fields stand, or nullopt with error() saying
    // what is wrong (no path, a size outside 64..20000, a folder that does not exist).
    std::optional<ExportRequest> request();
    ExportRequest& fields() { return fields_; }
    const std::string& error() const { return error_; }
    // Sets the format and gives the path that format's extension.
    void set_format(MapFormat format);
    // Sets the tables' format: the path ends in .xlsx, or names a folder (no extension).
    void set_table_format(TableFormat format);

private:
    void draw_map_fields();
    void draw_table_fields();
    std::vector<MapFormat> formats_;
    ExportRequest fields_;
    int preset_ = 0;
    std::string error_;
    bool open_ = false;
    bool popup_open_ = false;
    FileDialog browse_;
};

}  // namespace beltplan::ui

// File > New from import: the sources (files or folders, each with a role or "let import
// choose"), a Read that asks the app to run the import without writing anything, the summary
// and the site rows that found no village, and Create, which asks where the new plan goes. The
// app runs io::import_plan and io::write_import (src/ui never sees io) and hands the answers
// back through show_preview / show_refusal.
#pragma once

#include "ui/file_dialog.h"

#include <optional>
#include <string>
#include <vector>

namespace beltplan::ui {

// What a source is read as: kAuto lets the import recognise each layer's role (the CLI's
// plain sources); the others are the CLI's --villages, --townships, --roads, --sites.
enum class ImportRole { kAuto, kVillages, kTownships, kRoads, kSites };
inline constexpr int kImportRoles = 5;

struct ImportSource {
    std::string path;  // a file or a folder
    ImportRole role = ImportRole::kAuto;
};

// Read these sources into a plan; nothing is written.
struct ImportRequest {
    std::vector<ImportSource> sources;
};

// What the app read, as the dialog shows it.
struct ImportPreview {
    std::string summary;                 // the import report's text
    std::vector<std::string> unmatched;  // one line per site row not placed
    std::string error;                   // the refusal's sentence; "" when the read worked
};

// The dialog's answers of one frame.
struct ImportDialogOutput {
    std::optional<ImportRequest> read;  // run the import on these sources (nothing written)
    std::optional<std::string> create;  // write the plan last read here and open it
    bool cancelled = false;             // closed without creating: forget the plan read
};

// The File dialog's extensions an import reads (the folder listing shows these files).
const std::vector<std::string>& importable_extensions();

class ImportDialog {
public:
    // Opens the dialog with no sources; the file dialog starts in `folder`.
    void open(const std::string& folder);
    bool is_open() const { return open_ && !closing_; }
    // Closes the dialog in its next frame (the app created the plan).
    void close() { closing_ = true; }

    // Draws the modal while open; the answers of this frame.
    ImportDialogOutput draw();

    // The model, also driven by tests.
    void add_source(const std::string& path, ImportRole role = ImportRole::kAuto);
    void remove_source(std::size_t index);
    void set_role(std::size_t index, ImportRole role);
    const std::vector<ImportSource>& sources() const { return sources_; }
    // The request for the sources as they stand, or nullopt with error() saying why (no
    // source, one role given to two sources).
    std::optional<ImportRequest> request();
    // The app's answer to the last read (or a refused write); a change of the sources
    // forgets it, so Create only ever writes what the planner saw.
    void show_preview(ImportPreview preview);
    void show_refusal(const std::string& sentence);
    // A sentence above the preview (the plan could not be written); the preview stays.
    void show_error(const std::string& sentence) { error_ = sentence; }
    const std::optional<ImportPreview>& preview() const { return preview_; }
    bool can_create() const { return preview_ && preview_->error.empty(); }
    const std::string& error() const { return error_; }
    FileDialog& browser() { return browse_; }  // the file dialog it opened (tests type names)

private:
    enum class Browse { kFiles, kFolder, kCreate };
    void draw_sources();
    void draw_preview();
    void draw_buttons(ImportDialogOutput& out);
    void take_browsed(ImportDialogOutput& out);
    void forget_preview();

    bool open_ = false;
    bool popup_open_ = false;
    bool closing_ = false;
    std::string folder_;
    std::vector<ImportSource> sources_;
    std::optional<ImportPreview> preview_;
    std::string error_;
    FileDialog browse_;
    Browse browsing_ = Browse::kFiles;
};

}  // namespace beltplan::ui

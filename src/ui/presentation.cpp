// Presentation mode for meetings: panels hidden, the plan's title and the legend over the map,
// saved views stepped through with the arrow keys, the current view exported as a PNG.
#include "render/palette.h"
#include "ui/editor.h"
#include "ui/strings.h"

#include <imgui.h>

namespace beltplan::ui {

namespace {

constexpr ImGuiWindowFlags kOverlay = ImGuiWindowFlags_NoDecoration |
                                      ImGuiWindowFlags_AlwaysAutoResize |
                                      ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoInputs;

ImU32 color_of(const render::Rgba& c) {
    return ImGui::GetColorU32(ImVec4(c.r, c.g, c.b, 1.f));
}

void swatch(const render::Rgba& color) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + 1.6f * h, at.y + h),
                                              color_of(color));
    ImGui::Dummy(ImVec2(1.6f * h, h));
    ImGui::SameLine();
}

void draw_legend(const EditorContext& context) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(16.f, io.DisplaySize.y - 16.f), ImGuiCond_Always,
                            ImVec2(0.f, 1.f));
    ImGui::Begin("##legend", nullptr, kOverlay);
    ImGui::TextUnformatted(context.legend != nullptr && !context.legend->title.empty()
                               ? context.legend->title.c_str()
                               : tr(Str::kLegend));
    if (context.legend != nullptr) {
        for (const render::LegendEntry& e : context.legend->entries) {
            swatch(e.color);
            ImGui::TextUnformatted(e.label.c_str());
        }
    }
    swatch(render::hex(render::colors::kSiteDistrict));
    ImGui::TextUnformatted(tr(Str::kDistrictSite));
    swatch(render::hex(render::colors::kSiteTown));
    ImGui::TextUnformatted(tr(Str::kTownSite));
    ImGui::End();
}

void handle_keys(EditorState& state, EditorOutput& out) {
    if (ImGui::IsKeyPressed('b', false)) {
        state.presentation.bookmarks.push_back({state.view.center(), state.view.m_per_px()});
        state.presentation.bookmark = static_cast<int>(state.presentation.bookmarks.size()) - 1;
    }
    const int n = static_cast<int>(state.presentation.bookmarks.size());
    int step = 0;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow))) {
        step = 1;
    } else if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))) {
        step = -1;
    }
    if (step != 0 && n > 0) {
        state.presentation.bookmark = ((state.presentation.bookmark + step) % n + n) % n;
        const Bookmark& b =
            state.presentation.bookmarks[static_cast<std::size_t>(state.presentation.bookmark)];
        state.view.set(b.center, b.m_per_px);
    }
    if (ImGui::IsKeyPressed('p', false)) {
        out.export_png = true;
    }
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
        state.presentation.on = false;
        out.windowed = true;
    }
}

}  // namespace

void draw_presentation(const EditorContext& context, EditorState& state, EditorOutput& out) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, 16.f), ImGuiCond_Always,
                            ImVec2(0.5f, 0.f));
    ImGui::Begin("##title", nullptr, kOverlay);
    ImGui::SetWindowFontScale(1.6f);
    ImGui::TextUnformatted(context.plan->name.empty() ? tr(Str::kAppTitle)
                                                      : context.plan->name.c_str());
    ImGui::SetWindowFontScale(1.f);
    ImGui::End();
    draw_legend(context);
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - 16.f, io.DisplaySize.y - 16.f),
                            ImGuiCond_Always, ImVec2(1.f, 1.f));
    ImGui::SetNextWindowBgAlpha(0.5f);
    ImGui::Begin("##hint", nullptr, kOverlay);
    ImGui::TextDisabled("%s", tr(Str::kPresentationHint));
    if (!state.presentation.bookmarks.empty()) {
        ImGui::TextDisabled("%d / %zu", state.presentation.bookmark + 1,
                            state.presentation.bookmarks.size());
    }
    ImGui::End();
    if (!io.WantTextInput) {
        handle_keys(state, out);
    }
}

}  // namespace beltplan::ui

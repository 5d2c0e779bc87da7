// An ImGui context with no window and no GL (STYLE.md section 8): display size, frame time and
// a built font atlas, and mouse input fed by hand, so panels run in plain unit tests.
#pragma once

#include <imgui.h>

namespace beltplan::test {

class BareImGui {
public:
    explicit BareImGui(float width = 1280.f, float height = 800.f)
        : context_(ImGui::CreateContext()) {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(width, height);
        io.DeltaTime = 1.f / 60.f;
        io.IniFilename = nullptr;  // no imgui.ini written by tests
        unsigned char* pixels = nullptr;
        int w = 0;
        int h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
    ~BareImGui() { ImGui::DestroyContext(context_); }
    BareImGui(const BareImGui&) = delete;
    BareImGui& operator=(const BareImGui&) = delete;

    // One frame: `draw` runs between NewFrame and Render.
    template <typename Draw>
    void frame(Draw&& draw) {
        ImGui::NewFrame();
        draw();
        ImGui::Render();
    }
    void mouse(float x, float y, bool down) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(x, y);
        io.MouseDown[0] = down;
    }

private:
    ImGuiContext* context_;
};

}  // namespace beltplan::test

// ImGuiBridge: OSG events -> ImGuiIO (one frame at a time), ImGui drawn after the map in the
// camera's post-draw callback, with OSG's GL state put aside first and dirtied afterwards.
#include "ui/imgui_osg.h"

#include "core/messages.h"
#include "core/safe_file.h"
#include "render/fonts.h"
#include "ui/input_queue.h"
#include "ui/strings.h"

#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <osg/GLExtensions>
#include <osg/Image>
#include <osg/State>
#include <osgDB/WriteFile>

namespace beltplan::ui {

namespace {

// "ok", or the sentence why the PNG could not be written. Through core::SafeFile: the PNG is
// encoded into a temporary file beside the target and renamed over it, so a failed capture
// leaves the previous picture as it was.
std::string write_capture(const osg::Image& image, const std::string& path) {
    core::Result<core::SafeFile> file = core::SafeFile::begin(path);
    if (!file) {
        return file.error().message;
    }
    if (!osgDB::writeImageFile(image, file->temp_path())) {
        return core::tr("window_capture.not_written", {path});
    }
    core::Status committed = file->commit();
    return committed ? std::string("ok") : committed.error().message;
}

constexpr float kFontSizePx = 18.f;

// ImGui key indices (< 512) for OSG's special keys; ASCII keys use their lower-case code.
struct SpecialKey {
    int osg_key;
    int imgui_key;
    int index;
};
const SpecialKey kSpecialKeys[] = {
    {osgGA::GUIEventAdapter::KEY_Tab, ImGuiKey_Tab, 300},
    {osgGA::GUIEventAdapter::KEY_Left, ImGuiKey_LeftArrow, 301},
    {osgGA::GUIEventAdapter::KEY_Right, ImGuiKey_RightArrow, 302},
    {osgGA::GUIEventAdapter::KEY_Up, ImGuiKey_UpArrow, 303},
    {osgGA::GUIEventAdapter::KEY_Down, ImGuiKey_DownArrow, 304},
    {osgGA::GUIEventAdapter::KEY_Page_Up, ImGuiKey_PageUp, 305},
    {osgGA::GUIEventAdapter::KEY_Page_Down, ImGuiKey_PageDown, 306},
    {osgGA::GUIEventAdapter::KEY_Home, ImGuiKey_Home, 307},
    {osgGA::GUIEventAdapter::KEY_End, ImGuiKey_End, 308},
    {osgGA::GUIEventAdapter::KEY_Insert, ImGuiKey_Insert, 309},
    {osgGA::GUIEventAdapter::KEY_Delete, ImGuiKey_Delete, 310},
    {osgGA::GUIEventAdapter::KEY_BackSpace, ImGuiKey_Backspace, 311},
    {osgGA::GUIEventAdapter::KEY_Return, ImGuiKey_Enter, 312},
    {osgGA::GUIEventAdapter::KEY_Escape, ImGuiKey_Escape, 313},
    {osgGA::GUIEventAdapter::KEY_KP_Enter, ImGuiKey_KeyPadEnter, 314},
    {osgGA::GUIEventAdapter::KEY_F5, -1, kKeyIndexF5},
    {osgGA::GUIEventAdapter::KEY_F3, -1, kKeyIndexF3},
};

// The InputEvent modifier bit of a modifier key (left and right apart), 0 for other keys.
int modifier_bit(int osg_key) {
    using GEA = osgGA::GUIEventAdapter;
    switch (osg_key) {
        case GEA::KEY_Control_L:
            return kModCtrl;
        case GEA::KEY_Control_R:
            return kModCtrl << 4;
        case GEA::KEY_Shift_L:
            return kModShift;
        case GEA::KEY_Shift_R:
            return kModShift << 4;
        case GEA::KEY_Alt_L:
            return kModAlt;
        case GEA::KEY_Alt_R:
            return kModAlt << 4;
        default:
            return 0;
    }
}

// kModCtrl | kModShift | kModAlt of the held modifier keys (left or right).
int merged_mods(int held) {
    return (held | (held >> 4)) & (kModCtrl | kModShift | kModAlt);
}

// The key index of an OSG key, or -1 for keys ImGui does not track.
int key_index(int osg_key) {
    for (const SpecialKey& k : kSpecialKeys) {
        if (k.osg_key == osg_key) {
            return k.index;
        }
    }
    if (osg_key >= 'A' && osg_key <= 'Z') {
        return osg_key - 'A' + 'a';
    }
    if (osg_key >= 32 && osg_key < 127) {
        return osg_key;
    }
    return -1;
}

}  // namespace

struct ImGuiBridge::Impl {
    ImGuiContext* context = nullptr;
    ImVector<ImWchar> glyph_ranges;
    std::string font_error;
    InputQueue input;
    int held_mods = 0;  // kMod* bits of the modifier keys held (from their key events)
    bool gl_ready = false;
    bool close_requested = false;
    std::string capture_path;
    std::string capture_result;
    osg::ref_ptr<osgGA::GUIEventHandler> handler;
    osg::ref_ptr<osg::Camera::DrawCallback> drawer;

    void load_font(const std::string& extra_text);
    void draw(osg::RenderInfo& info);
    void capture(osg::RenderInfo& info);
};

namespace {

class EventRecorder : public osgGA::GUIEventHandler {
public:
    explicit EventRecorder(ImGuiBridge::Impl* impl) : impl_(impl) {}
    bool handle(const osgGA::GUIEventAdapter& ea, osgGA::GUIActionAdapter&) override;

protected:
    ~EventRecorder() override = default;

private:
    void record_key(const osgGA::GUIEventAdapter& ea);
    ImGuiBridge::Impl* impl_;
};

bool EventRecorder::handle(const osgGA::GUIEventAdapter& ea, osgGA::GUIActionAdapter&) {
    using GEA = osgGA::GUIEventAdapter;
    InputEvent e;
    // Normalised coordinates already account for the Y orientation and the input range.
    e.x = (ea.getXnormalized() + 1.f) * 0.5f * static_cast<float>(ea.getWindowWidth());
    e.y = (1.f - ea.getYnormalized()) * 0.5f * static_cast<float>(ea.getWindowHeight());
    switch (ea.getEventType()) {
        case GEA::MOVE:
        case GEA::DRAG:
            e.type = InputEvent::Type::kMove;
            break;
        case GEA::PUSH:
        case GEA::RELEASE:
            e.type = InputEvent::Type::kButton;
            e.down = ea.getEventType() == GEA::PUSH;
            e.code = ea.getButton() == GEA::LEFT_MOUSE_BUTTON    ? 0
                     : ea.getButton() == GEA::RIGHT_MOUSE_BUTTON ? 1
                                                                 : 2;
            break;
        case GEA::SCROLL:
            e.type = InputEvent::Type::kWheel;
            e.wheel = ea.getScrollingMotion() == GEA::SCROLL_UP     ? 1.f
                      : ea.getScrollingMotion() == GEA::SCROLL_DOWN ? -1.f
                                                                    : ea.getScrollingDeltaY();
            break;
        case GEA::KEYDOWN:
        case GEA::KEYUP:
            record_key(ea);
            return true;
        case GEA::CLOSE_WINDOW:
        case GEA::QUIT_APPLICATION:
            impl_->close_requested = true;
            return true;
        default:
            return false;
    }
    impl_->input.push(e);
    return true;
}

// A modifier key changes the held modifiers; another key is queued as a key (when ImGui
// tracks it) and, pressed without Ctrl, as the character it types.
void EventRecorder::record_key(const osgGA::GUIEventAdapter& ea) {
    using GEA = osgGA::GUIEventAdapter;
    const int key = ea.getUnmodifiedKey() != 0 ? ea.getUnmodifiedKey() : ea.getKey();
    const bool down = ea.getEventType() == GEA::KEYDOWN;
    InputEvent e;
    if (const int bit = modifier_bit(key)) {
        impl_->held_mods = down ? (impl_->held_mods | bit) : (impl_->held_mods & ~bit);
        e.type = InputEvent::Type::kMods;
        e.mods = merged_mods(impl_->held_mods);
        impl_->input.push(e);
        return;
    }
    e.type = InputEvent::Type::kKey;
    e.down = down;
    e.code = key_index(key);
    if (e.code >= 0) {
        impl_->input.push(e);
    }
    const int ch = ea.getKey();
    const bool ctrl = (merged_mods(impl_->held_mods) & kModCtrl) != 0 ||
                      (ea.getModKeyMask() & GEA::MODKEY_CTRL) != 0;
    if (down && !ctrl && ch >= 32 && ch != 127 && ch < 0xFF00) {
        InputEvent c;
        c.type = InputEvent::Type::kChar;
        c.code = ch;
        impl_->input.push(c);
    }
}

class ImGuiDrawer : public osg::Camera::DrawCallback {
public:
    explicit ImGuiDrawer(ImGuiBridge::Impl* impl) : impl_(impl) {}
    void operator()(osg::RenderInfo& info) const override { impl_->draw(info); }

protected:
    ~ImGuiDrawer() override = default;

private:
    ImGuiBridge::Impl* impl_;
};

}  // namespace

void ImGuiBridge::Impl::load_font(const std::string& extra_text) {
    ImGuiIO& io = ImGui::GetIO();
    auto font = render::find_cjk_font(false);
    if (!font) {
        font_error = font.error().message;
        io.Fonts->AddFontDefault();
        return;
    }
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(io.Fonts->GetGlyphRangesDefault());
    builder.AddRanges(io.Fonts->GetGlyphRangesChineseSimplifiedCommon());
    builder.AddText(all_label_text().c_str());
    builder.AddText(extra_text.c_str());
    builder.AddText(u8"，。：；（）【】·—×÷±≤≥％");
    builder.BuildRanges(&glyph_ranges);
    ImFontConfig config;
    config.FontNo = font.value().face_index;
    config.OversampleH = 1;
    config.PixelSnapH = true;
    if (io.Fonts->AddFontFromFileTTF(font.value().path.c_str(), kFontSizePx, &config,
                                     glyph_ranges.Data) == nullptr) {
        font_error = "the font file " + font.value().path + " could not be read";
        io.Fonts->AddFontDefault();
    }
}

void ImGuiBridge::Impl::draw(osg::RenderInfo& info) {
    ImGui::SetCurrentContext(context);
    osg::State* state = info.getState();
    osg::GLExtensions* ext = state->get<osg::GLExtensions>();
    state->disableAllVertexArrays();
    state->unbindVertexBufferObject();
    state->unbindElementBufferObject();
    if (ext->isVAOSupported) {
        ext->glBindVertexArray(0);
    }
    ext->glUseProgram(0);
    state->setActiveTextureUnit(0);
    state->setClientActiveTextureUnit(0);
    if (!gl_ready) {
        gl_ready = ImGui_ImplOpenGL3_Init("#version 130");
    }
    ImDrawData* data = ImGui::GetDrawData();
    if (gl_ready && data != nullptr && data->Valid) {
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplOpenGL3_RenderDrawData(data);
    }
    if (!capture_path.empty()) {
        capture(info);
    }
    state->setLastAppliedProgramObject(nullptr);
    state->dirtyAllVertexArrays();
    state->dirtyAllModes();
    state->dirtyAllAttributes();
}

void ImGuiBridge::Impl::capture(osg::RenderInfo& info) {
    const osg::Viewport* viewport = info.getCurrentCamera()->getViewport();
    osg::ref_ptr<osg::Image> image = new osg::Image;
    image->readPixels(static_cast<int>(viewport->x()), static_cast<int>(viewport->y()),
                      static_cast<int>(viewport->width()), static_cast<int>(viewport->height()),
                      GL_RGB, GL_UNSIGNED_BYTE);
    capture_result = write_capture(*image, capture_path);
    capture_path.clear();
}

ImGuiBridge::ImGuiBridge(const std::string& extra_text) : impl_(std::make_unique<Impl>()) {
    IMGUI_CHECKVERSION();
    impl_->context = ImGui::CreateContext();
    ImGui::SetCurrentContext(impl_->context);  // another bridge may still be alive
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // panel layout is the app's, not a file in the working folder
    io.KeyMap[ImGuiKey_A] = 'a';
    io.KeyMap[ImGuiKey_C] = 'c';
    io.KeyMap[ImGuiKey_V] = 'v';
    io.KeyMap[ImGuiKey_X] = 'x';
    io.KeyMap[ImGuiKey_Y] = 'y';
    io.KeyMap[ImGuiKey_Z] = 'z';
    io.KeyMap[ImGuiKey_Space] = ' ';
    for (const SpecialKey& k : kSpecialKeys) {
        if (k.imgui_key >= 0) {
            io.KeyMap[k.imgui_key] = k.index;
        }
    }
    ImGui::StyleColorsLight();
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowRounding = 4.f;
    style.Colors[ImGuiCol_WindowBg].w = 1.f;  // panels are opaque over the map and each other
    impl_->load_font(extra_text);
    unsigned char* pixels = nullptr;
    int width = 0;
    int height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);  // builds the atlas once
    impl_->handler = new EventRecorder(impl_.get());
    impl_->drawer = new ImGuiDrawer(impl_.get());
}

ImGuiBridge::~ImGuiBridge() {
    ImGui::DestroyContext(impl_->context);
}

void ImGuiBridge::init_gl() {
    ImGui::SetCurrentContext(impl_->context);
    if (!impl_->gl_ready) {
        impl_->gl_ready = ImGui_ImplOpenGL3_Init("#version 130");
    }
}

void ImGuiBridge::release_gl() {
    ImGui::SetCurrentContext(impl_->context);
    if (impl_->gl_ready) {
        ImGui_ImplOpenGL3_Shutdown();
        impl_->gl_ready = false;
    }
}

InputQueue& ImGuiBridge::input() {
    return impl_->input;
}

osg::ref_ptr<osgGA::GUIEventHandler> ImGuiBridge::event_handler() {
    return impl_->handler;
}

osg::ref_ptr<osg::Camera::DrawCallback> ImGuiBridge::draw_callback() {
    return impl_->drawer;
}

void ImGuiBridge::new_frame(int width_px, int height_px, double dt_s) {
    ImGui::SetCurrentContext(impl_->context);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(width_px), static_cast<float>(height_px));
    io.DeltaTime = dt_s > 0.0 ? static_cast<float>(dt_s) : 1.f / 60.f;
    impl_->input.feed_frame();
    ImGui::NewFrame();
}

void ImGuiBridge::end_frame() {
    ImGui::SetCurrentContext(impl_->context);
    ImGui::Render();
}

void ImGuiBridge::capture_next_frame(const std::string& png_path) {
    impl_->capture_path = png_path;
    impl_->capture_result.clear();
}

const std::string& ImGuiBridge::capture_result() const {
    return impl_->capture_result;
}

bool ImGuiBridge::take_close_request() {
    const bool requested = impl_->close_requested;
    impl_->close_requested = false;
    return requested;
}

const std::string& ImGuiBridge::font_error() const {
    return impl_->font_error;
}

}  // namespace beltplan::ui

// Dear ImGui inside an OpenSceneGraph window (TOOLCHAIN.md): OSG events are recorded by an
// event handler into an InputQueue and handed to ImGui across frames, none lost (a press and
// a release inside one frame still make a click); the camera's post-draw callback renders the
// last ImGui frame with the OpenGL3 backend and can capture the finished window into a PNG.
// Without a window (tests) the bridge still makes frames: only draw_callback needs GL.
#pragma once

#include <osg/Camera>
#include <osg/ref_ptr>
#include <osgGA/GUIEventHandler>

#include <memory>
#include <string>

namespace beltplan::ui {

class InputQueue;

// io.KeysDown indices of F3 and F5, which ImGui 1.86's key map has no names for.
inline constexpr int kKeyIndexF5 = 320;
inline constexpr int kKeyIndexF3 = 321;

class ImGuiBridge {
public:
    // Creates the ImGui context and loads the CJK font (Noto Sans CJK, Simplified Chinese
    // face) with glyphs for every label plus `extra_text` (plan names). Without a CJK font it
    // falls back to ImGui's own font and font_error() says why.
    explicit ImGuiBridge(const std::string& extra_text);
    ~ImGuiBridge();
    ImGuiBridge(const ImGuiBridge&) = delete;
    ImGuiBridge& operator=(const ImGuiBridge&) = delete;

    // Records OSG events for ImGui; add it to the view. It must not outlive this bridge.
    osg::ref_ptr<osgGA::GUIEventHandler> event_handler();
    // Renders the last ImGui frame; install as the camera's post-draw callback.
    osg::ref_ptr<osg::Camera::DrawCallback> draw_callback();

    // The queue the event handler fills; tests and headless panels may push events directly.
    InputQueue& input();
    // Applies one frame's share of the queued input (InputQueue::feed_frame) and starts an
    // ImGui frame of the given window size. Needs no GL context.
    void new_frame(int width_px, int height_px, double dt_s);
    // Ends the ImGui frame; the next draw renders it.
    void end_frame();

    // The next drawn frame (map and panels) is written to `png_path`.
    void capture_next_frame(const std::string& png_path);
    // "" while a capture is pending or none was asked; else "ok" or the error sentence.
    const std::string& capture_result() const;
    // True once the window manager asked to close the window (the app decides what to do).
    bool take_close_request();
    // Starts the OpenGL3 backend; call with the window's context current, before the first
    // frame, so ImGui knows from the start whether draw lists may pass 65,536 vertices (GL 3.2
    // and later), as thousands of site markers do. Done at the first draw otherwise.
    void init_gl();
    // Frees the GL objects of the OpenGL3 backend; call with the window's context current,
    // before the window closes.
    void release_gl();
    // Why the CJK font could not be loaded, "" when it was.
    const std::string& font_error() const;

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace beltplan::ui

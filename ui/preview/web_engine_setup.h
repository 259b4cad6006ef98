#pragma once

namespace quire {

// What QtWebEngine needs before the QApplication exists, and how the preview draws.
//
// As root, Chromium refuses to start without --no-sandbox; Quire adds it itself then (and only
// then), with a one-line warning.
//
// Without a GPU (OpenGL emulated on the CPU, as llvmpipe does under Xvfb, in a VM or a
// container), Chromium's own software compositor and Qt Quick's software scene graph show a frame
// in a fraction of the time GL on the CPU takes (keystroke to preview: p50 17 ms instead of 39 ms).
// A machine with no GPU device at all is known to be such a machine before anything starts: the
// preview module is then loaded only when the window wants the preview, and no OpenGL is loaded
// at all. With a GPU device, the module is loaded before the QApplication (WebEngine shares an
// OpenGL context with Qt Quick, made as the application starts), and chooseRendering() checks,
// once, that its OpenGL is not a software rasterizer after all.
class WebEngineSetup
{
public:
    static void prepare();
    static void chooseRendering();
    // Whether OpenGL here is a software rasterizer (or missing).
    static bool openGlIsSoftware();
    // Whether the machine has a GPU to render with: a DRM render node or NVIDIA's device.
    static bool hasGpuDevice();

private:
    static void renderInSoftware();
};

} // namespace quire

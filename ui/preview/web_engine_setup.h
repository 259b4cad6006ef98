#pragma once

namespace quire {

// What QtWebEngine needs before the QApplication exists. As root, Chromium refuses to start
// without --no-sandbox; Quire adds it itself then (and only then), with a one-line warning.
//
// chooseRendering() runs once, before the first web view: without a GPU (OpenGL emulated on the
// CPU, as llvmpipe does under Xvfb, in a VM or a container), Chromium's own software compositor
// and Qt Quick's software scene graph show a frame in a fraction of the time GL on the CPU takes
// (keystroke to preview: p50 17 ms instead of 39 ms).
class WebEngineSetup
{
public:
    static void prepare();
    static void chooseRendering();
    // Whether OpenGL here is a software rasterizer (or missing).
    static bool openGlIsSoftware();
};

} // namespace quire

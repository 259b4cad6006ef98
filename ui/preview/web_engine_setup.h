#pragma once

namespace quire {

// What QtWebEngine needs before the QApplication exists. As root, Chromium refuses to start
// without --no-sandbox; Quire adds it itself then (and only then), with a one-line warning.
class WebEngineSetup
{
public:
    static void prepare();
};

} // namespace quire

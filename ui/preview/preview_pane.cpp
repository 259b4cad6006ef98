#include "preview/preview_pane.h"

namespace quire {

PreviewPane::~PreviewPane() = default;

} // namespace quire

// The baseline of the startup benchmark: a bare QMainWindow, measured like linkup-desk
// (see firstpaintwindow.h) and printed as the same two lines.
#include "firstpaintwindow.h"

int main(int argc, char *argv[])
{
    ld::bench::sinceMain().start();
    return ld::bench::showAndMeasure<ld::bench::FirstPaintWindow>(argc, argv,
                                                                  QStringLiteral("bare"));
}

#pragma once
// Settings (Ctrl+,) as a dialog around SettingsPage: Save applies and closes when everything
// validates; a problem is shown next to its field and the dialog stays open.
#include <QDialog>

namespace ld::ui {

class SettingsPage;

class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(SettingsPage *page, QWidget *parent = nullptr);
    SettingsPage *page() const { return m_page; }

    void accept() override;

private:
    SettingsPage *m_page;
};

} // namespace ld::ui

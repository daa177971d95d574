#pragma once
// The composer's attachments (issue 7 §2): up to PostMedia::MaxImages PNG or JPEG images, each
// a thumbnail with its alt text and a remove button, or one video (an icon and its file name).
// A file is checked (PostMedia::load) when added: a refused one is not added and the reason
// is shown next to the strip. Only paths and alt texts are kept; the bytes are read again
// when the post is sent.
#include "store/draftrepository.h"

#include <QWidget>

class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

namespace ld::ui {

class PostAttachments : public QWidget
{
    Q_OBJECT
public:
    static constexpr int ThumbnailSize = 96;

    explicit PostAttachments(QWidget *parent = nullptr);

    QList<PostMediaRef> media() const;
    // Shows a draft's media without emitting changed(); a file that is gone says so on its tile.
    void setMedia(const QList<PostMediaRef> &media);
    // false with the reason shown when the file is refused or does not fit (too many images,
    // images and a video together).
    bool addImage(const QString &path, const QString &altText = {});
    bool addVideo(const QString &path);
    void removeAt(int index);
    void setReadOnly(bool readOnly);

    int count() const { return int(m_tiles.size()); }
    bool hasVideo() const;
    QLineEdit *altTextEdit(int index) const;
    QLabel *thumbnail(int index) const;
    QToolButton *removeButton(int index) const;
    QLabel *refusalLabel() const { return m_refusal; }
    QPushButton *addImageButton() const { return m_addImage; }
    QPushButton *addVideoButton() const { return m_addVideo; }

    // A thumbnail of an image file, at most `size` square, read scaled (a 6000-pixel photo is
    // never decoded in full); a null pixmap when it cannot be read.
    static QPixmap thumbnailOf(const QString &path, int size);

Q_SIGNALS:
    void changed();

private:
    struct Tile
    {
        PostMediaRef ref;
        QWidget *frame = nullptr;
        QLabel *picture = nullptr;
        QLineEdit *alt = nullptr;
        QToolButton *remove = nullptr;
    };

    bool add(const QString &path, bool video, const QString &altText);
    void addTile(const PostMediaRef &ref);
    void clearTiles();
    void showRefusal(const QString &sentence);
    void updateButtons();

    QList<Tile> m_tiles;
    bool m_readOnly = false;
    QHBoxLayout *m_strip;
    QPushButton *m_addImage;
    QPushButton *m_addVideo;
    QLabel *m_refusal;
};

} // namespace ld::ui

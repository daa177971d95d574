#include "postattachments.h"

#include "plaintext.h"

#include "services/contentservice.h"

#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace ld::ui {

PostAttachments::PostAttachments(QWidget *parent)
    : QWidget(parent)
    , m_strip(new QHBoxLayout)
    , m_addImage(new QPushButton(tr("Add &image…"), this))
    , m_addVideo(new QPushButton(tr("Add vi&deo…"), this))
    , m_refusal(wrappedLabel(QStringLiteral("attachmentRefusal"), this))
{
    setObjectName(QStringLiteral("postAttachments"));
    m_addImage->setObjectName(QStringLiteral("addImageButton"));
    m_addImage->setToolTip(tr("PNG or JPEG, up to %1 MB each; up to %2 images")
                               .arg(PostMedia::MaxImageBytes / (1024 * 1024))
                               .arg(PostMedia::MaxImages));
    m_addVideo->setObjectName(QStringLiteral("addVideoButton"));
    m_addVideo->setToolTip(tr("One MP4 or QuickTime video, up to %1 MB, instead of images")
                               .arg(PostMedia::MaxVideoBytes / (1024 * 1024)));
    for (QPushButton *b : { m_addImage, m_addVideo })
        b->setAutoDefault(false);
    setTextColor(m_refusal, problemColor());
    m_refusal->hide();

    m_strip->setContentsMargins(0, 0, 0, 0);
    m_strip->setSpacing(8);
    m_strip->addStretch(1);
    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(m_addImage);
    buttons->addWidget(m_addVideo);
    buttons->addWidget(m_refusal, 10);
    buttons->addStretch(1); // the buttons keep their size when there is nothing to say
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(m_strip);
    layout->addLayout(buttons);

    connect(m_addImage, &QPushButton::clicked, this, [this] {
        const QStringList paths = QFileDialog::getOpenFileNames(
            this, tr("Add images"), {}, tr("Images (*.png *.jpg *.jpeg);;All files (*)"));
        for (const QString &path : paths) {
            if (!addImage(path))
                break; // the first refusal is the one shown
        }
    });
    connect(m_addVideo, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Add a video"), {}, tr("Videos (*.mp4 *.mov);;All files (*)"));
        if (!path.isEmpty())
            addVideo(path);
    });
    updateButtons();
}

QList<PostMediaRef> PostAttachments::media() const
{
    QList<PostMediaRef> all;
    for (const Tile &t : m_tiles) {
        PostMediaRef ref = t.ref;
        if (!ref.isVideo)
            ref.altText = t.alt->text();
        all << ref;
    }
    return all;
}

void PostAttachments::setMedia(const QList<PostMediaRef> &media)
{
    clearTiles();
    m_refusal->hide();
    for (const PostMediaRef &ref : media)
        addTile(ref);
    updateButtons();
}

bool PostAttachments::hasVideo() const
{
    return std::any_of(
        m_tiles.cbegin(), m_tiles.cend(), [](const Tile &t) { return t.ref.isVideo; });
}

bool PostAttachments::addImage(const QString &path, const QString &altText)
{
    return add(path, false, altText);
}

bool PostAttachments::addVideo(const QString &path)
{
    return add(path, true, {});
}

// The file decides what it is (its first bytes), whichever button chose it.
bool PostAttachments::add(const QString &path, bool video, const QString &altText)
{
    Q_UNUSED(video)
    if (m_readOnly)
        return false;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    for (const Tile &t : m_tiles) {
        if (t.ref.path == absolute) {
            showRefusal(tr("%1 is already attached.").arg(QFileInfo(path).fileName()));
            return false;
        }
    }
    QString error;
    const std::optional<PostMedia> loaded = PostMedia::load(absolute, altText, &error);
    if (!loaded) {
        showRefusal(error);
        return false;
    }
    const bool isVideo = loaded->kind == PostMedia::Kind::Video;
    if (isVideo && hasVideo()) {
        showRefusal(tr("A post holds one video. Remove the one attached first."));
        return false;
    }
    if (isVideo != hasVideo() && !m_tiles.isEmpty()) {
        showRefusal(tr("A post holds images or one video, not both. Remove the %1 first.")
                        .arg(isVideo ? tr("images") : tr("video")));
        return false;
    }
    if (!isVideo && m_tiles.size() >= PostMedia::MaxImages) {
        showRefusal(tr("A post holds at most %1 images.").arg(PostMedia::MaxImages));
        return false;
    }
    PostMediaRef ref;
    ref.path = absolute;
    ref.isVideo = isVideo;
    ref.altText = isVideo ? QString() : altText;
    addTile(ref);
    m_refusal->hide();
    updateButtons();
    Q_EMIT changed();
    return true;
}

void PostAttachments::addTile(const PostMediaRef &ref)
{
    Tile tile;
    tile.ref = ref;
    tile.frame = new QFrame(this);
    tile.frame->setObjectName(QStringLiteral("attachmentTile"));
    static_cast<QFrame *>(tile.frame)->setFrameShape(QFrame::StyledPanel);
    tile.picture = plainLabel({}, tile.frame);
    tile.picture->setObjectName(QStringLiteral("attachmentThumbnail"));
    tile.picture->setFixedSize(ThumbnailSize, ThumbnailSize);
    tile.picture->setAlignment(Qt::AlignCenter);
    const QFileInfo file(ref.path);
    tile.picture->setToolTip(plainToolTip(QDir::toNativeSeparators(ref.path)));
    if (!file.exists()) {
        tile.picture->setWordWrap(true);
        tile.picture->setText(tr("%1\nnot found").arg(file.fileName()));
        setTextColor(tile.picture, problemColor());
    } else if (ref.isVideo) {
        tile.picture->setPixmap(style()->standardIcon(QStyle::SP_MediaPlay).pixmap(40, 40));
    } else {
        const QPixmap thumb = thumbnailOf(ref.path, ThumbnailSize);
        if (thumb.isNull())
            tile.picture->setText(tr("No preview"));
        else
            tile.picture->setPixmap(thumb);
    }
    tile.alt = new QLineEdit(tile.frame);
    tile.alt->setObjectName(QStringLiteral("altTextEdit"));
    tile.alt->setPlaceholderText(tr("Alt text"));
    tile.alt->setToolTip(tr("Describes the image for people who cannot see it"));
    tile.alt->setText(ref.altText);
    tile.alt->setFixedWidth(ThumbnailSize * 2);
    tile.alt->setReadOnly(m_readOnly);
    QLabel *name = plainLabel(
        file.fileName().size() > 22 ? file.fileName().left(20) + QChar(0x2026) : file.fileName(),
        tile.frame);
    mute(name);
    tile.remove = new QToolButton(tile.frame);
    tile.remove->setObjectName(QStringLiteral("removeAttachment"));
    tile.remove->setText(QStringLiteral("✕"));
    tile.remove->setToolTip(tr("Remove %1").arg(file.fileName()));
    tile.remove->setAutoRaise(true);
    tile.remove->setEnabled(!m_readOnly);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(name, 1);
    top->addWidget(tile.remove);
    auto *layout = new QVBoxLayout(tile.frame);
    layout->setContentsMargins(6, 4, 6, 6);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addWidget(tile.picture, 0, Qt::AlignHCenter);
    layout->addWidget(tile.alt);
    tile.alt->setVisible(!ref.isVideo);

    QWidget *frame = tile.frame;
    connect(tile.remove, &QToolButton::clicked, this, [this, frame] {
        for (int i = 0; i < m_tiles.size(); ++i) {
            if (m_tiles.at(i).frame == frame) {
                removeAt(i);
                return;
            }
        }
    });
    connect(tile.alt, &QLineEdit::textEdited, this, &PostAttachments::changed);
    m_strip->insertWidget(m_strip->count() - 1, tile.frame); // before the stretch
    m_tiles << tile;
}

void PostAttachments::removeAt(int index)
{
    if (index < 0 || index >= m_tiles.size() || m_readOnly)
        return;
    const Tile tile = m_tiles.takeAt(index);
    tile.frame->hide();
    tile.frame->deleteLater();
    m_refusal->hide();
    updateButtons();
    Q_EMIT changed();
}

void PostAttachments::clearTiles()
{
    for (const Tile &t : std::as_const(m_tiles)) {
        t.frame->hide();
        t.frame->deleteLater();
    }
    m_tiles.clear();
}

void PostAttachments::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    for (const Tile &t : std::as_const(m_tiles)) {
        t.alt->setReadOnly(readOnly);
        t.remove->setEnabled(!readOnly);
    }
    updateButtons();
}

QLineEdit *PostAttachments::altTextEdit(int index) const
{
    return index >= 0 && index < m_tiles.size() ? m_tiles.at(index).alt : nullptr;
}

QLabel *PostAttachments::thumbnail(int index) const
{
    return index >= 0 && index < m_tiles.size() ? m_tiles.at(index).picture : nullptr;
}

QToolButton *PostAttachments::removeButton(int index) const
{
    return index >= 0 && index < m_tiles.size() ? m_tiles.at(index).remove : nullptr;
}

void PostAttachments::showRefusal(const QString &sentence)
{
    m_refusal->setText(sentence);
    m_refusal->show();
}

void PostAttachments::updateButtons()
{
    const bool video = hasVideo();
    m_addImage->setVisible(!m_readOnly);
    m_addVideo->setVisible(!m_readOnly);
    m_addImage->setEnabled(!video && m_tiles.size() < PostMedia::MaxImages);
    m_addVideo->setEnabled(m_tiles.isEmpty());
}

QPixmap PostAttachments::thumbnailOf(const QString &path, int size)
{
    QImageReader reader(path);
    reader.setAutoTransform(true);
    QSize full = reader.size();
    if (full.isValid()) {
        full.scale(size, size, Qt::KeepAspectRatio);
        reader.setScaledSize(full.expandedTo(QSize(1, 1)));
    }
    const QImage image = reader.read();
    if (image.isNull())
        return {};
    const QImage fitted = image.width() > size || image.height() > size
        ? image.scaled(size, size, Qt::KeepAspectRatio, Qt::SmoothTransformation)
        : image;
    return QPixmap::fromImage(fitted);
}

} // namespace ld::ui

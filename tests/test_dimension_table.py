"""Table-driven: dimension variants as Indonesian news writes them (expression -> dimensions found)."""
import pytest

CASES = [
    # --- governance
    ("Untuk dimensi Smart Governance, Pemkab menyiapkan layanan adminduk keliling.", ["governance"]),
    ("Pilar smart governance diwujudkan lewat Mal Pelayanan Publik.", ["governance"]),
    ("Pemkot fokus pada Smart Government tahun ini.", ["governance"]),
    ("Dimensi Smart e-Government diwakili aplikasi pengaduan.", ["governance"]),
    ("SMART GOVERNANCE menjadi prioritas pertama.", ["governance"]),
    ("Quick win smart goverment berupa e-kinerja ASN.", ["governance"]),
    ("Program smart governence disusun Diskominfo.", ["governance"]),
    ("Kategori Smart Gov diraih Kota Madiun.", ["governance"]),
    ("Tujuannya tata kelola pemerintahan yang cerdas dan transparan.", ["governance"]),
    ("Ia menekankan pentingnya pemerintahan cerdas bagi pelayanan.", ["governance"]),
    ("Smart governance, kata dia, bukan sekadar aplikasi.", ["governance"]),
    ("Nilai tertinggi ada pada smart governance (3,9).", ["governance"]),
    # --- branding
    ("Di dimensi Smart Branding ada festival kuliner tahunan.", ["branding"]),
    ("Smart branding daerah digarap Dinas Pariwisata.", ["branding"]),
    ("Pilar SMART BRANDING menonjolkan batik khas daerah.", ["branding"]),
    ("Ia menyebut smart brandng sebagai pekerjaan rumah.", ["branding"]),
    ("Penguatan branding cerdas dilakukan lewat media sosial.", ["branding"]),
    ("Quick win Smart Branding berupa city tour.", ["branding"]),
    # --- economy
    ("Untuk Smart Economy, Pemkot meluncurkan pasar daring.", ["economy"]),
    ("Dimensi smart ekonomi diisi pelatihan UMKM.", ["economy"]),
    ("Dimensi SMART EKONOMI jadi andalan Muba.", ["economy"]),
    ("Smart Economic dikembangkan melalui koperasi digital.", ["economy"]),
    ("Pemda mendorong ekonomi cerdas berbasis desa.", ["economy"]),
    ("Dimensi smart econmy masih perlu dibenahi.", ["economy"]),
    ("Pada pilar Smart Economy, petani karet dibina.", ["economy"]),
    ("Perekonomian cerdas menjadi target jangka menengah.", ["economy"]),
    # --- living
    ("Dimensi Smart Living menghadirkan layanan ambulans gratis.", ["living"]),
    ("Smart living diwujudkan lewat taman kota ramah anak.", ["living"]),
    ("Untuk SMART LIVING, RSUD membuka antrean daring.", ["living"]),
    ("Dimensi smart livng dinilai sudah baik.", ["living"]),
    ("Ia ingin warga menikmati kehidupan cerdas di perkotaan.", ["living"]),
    ("Program Smart Living dijalankan Dinas Kesehatan.", ["living"]),
    # --- society
    ("Untuk dimensi Smart Society, perpustakaan keliling diperluas.", ["society"]),
    ("Smart People diisi pelatihan literasi digital.", ["society"]),
    ("Pilar smart society menekankan partisipasi warga.", ["society"]),
    ("Dimensi SMART SOCIETY mendapat nilai 3,2.", ["society"]),
    ("Dimensi smart sociey perlu dukungan sekolah.", ["society"]),
    ("Tujuannya membentuk masyarakat cerdas yang melek digital.", ["society"]),
    ("Ia berharap lahir masyarakat yang cerdas dan kritis.", ["society"]),
    # --- environment
    ("Dimensi Smart Environment diisi bank sampah digital.", ["environment"]),
    ("Smart Environtment diwujudkan lewat sensor kualitas udara.", ["environment"]),
    ("Pilar smart enviroment menyasar pengelolaan sampah.", ["environment"]),
    ("Untuk SMART ENVIRONMENT, DLH menanam seribu pohon.", ["environment"]),
    ("Smart Enviromment menjadi dimensi paling lemah.", ["environment"]),
    ("Konsep lingkungan cerdas diterapkan di bantaran sungai.", ["environment"]),
    ("Ia mengajak warga menjaga lingkungan yang cerdas dan lestari.", ["environment"]),
    # --- lists and mixed
    ("Enam dimensi itu yakni smart governance, smart branding, smart economy, smart living, smart society dan smart environment.",
     ["governance", "branding", "economy", "living", "society", "environment"]),
    ("Smart Governance dan Smart Living menjadi prioritas.", ["governance", "living"]),
    ("Pilar Smart Economy; Smart Society; Smart Environment dibahas bergantian.", ["economy", "society", "environment"]),
    ("Smart Branding, Smart Economy, serta Smart People dibahas hari kedua.", ["branding", "economy", "society"]),
    ("Dimensi Smart Economy Penguatan Kelembagaan Petani Karet program Disbun. Smart Living Taman Air program DLH.",
     ["economy", "living"]),
    ("Pada smart governance (tata kelola) dan smart branding (citra daerah) nilai naik.", ["governance", "branding"]),
    ("Smart governance; smart environment.", ["governance", "environment"]),
    ("Smart Society dan smart environtment dinilai tim asesor.", ["society", "environment"]),
    # --- dimensions outside Kominfo's six: reported as other
    ("Kota itu juga mengembangkan Smart Mobility lewat bus listrik.", ["other"]),
    ("Smart Infrastructure dibahas dalam forum.", ["other"]),
    ("Ia menyinggung smart energy untuk penerangan jalan.", ["other"]),
    ("Smart Health menjadi inovasi Dinkes.", ["other"]),
    ("Konsep Smart Tourism diterapkan di kawasan pantai.", ["other"]),
    ("Smart Building diterapkan di kantor bupati.", ["other"]),
    ("Smart Education menyasar sekolah dasar.", ["other"]),
    ("Smart Mobility dan Smart Living dibahas bersama.", ["other", "living"]),
    # --- negatives: not a dimension mention
    ("Kota Depok terus mengembangkan smart city.", []),
    ("Warga kini memakai smart card untuk membayar retribusi.", []),
    ("Ia menunjukkan aplikasi di smartphone miliknya.", []),
    ("Program Smart Kampung diluncurkan Bupati Banyuwangi.", []),
    ("Gerakan Menuju 100 Smart City diikuti 50 daerah.", []),
    ("Kabupaten itu menyebut dirinya smart regency.", []),
    ("Warga diajak menjaga lingkungan agar tetap bersih.", []),
    ("Pemerintahan desa diminta tertib administrasi.", []),
    ("Ekonomi daerah tumbuh 5 persen.", []),
    ("Masyarakat antusias mengikuti pelatihan.", []),
    ("Kehidupan warga pesisir bergantung pada laut.", []),
    ("Tim branding daerah menyiapkan logo baru.", []),
    ("Ia menggunakan smart TV di ruang rapat.", []),
    ("Layanan Smart Parking mulai diuji coba.", []),
    ("Lampu jalan pintar dipasang di 20 titik.", []),
    ("Sekolah itu dinilai cerdas dalam mengelola dana.", []),
    ("Smart Village menjadi nama program desa digital.", []),
    ("Ia meraih gelar smart leader dari sebuah majalah.", []),
    ("Pemkot memasang smart meter air di perumahan.", []),
    ("Dinas Lingkungan Hidup menggelar rapat.", []),
    ("Perekonomian warga pulih setelah pandemi.", []),
    ("Smart city Kota Bandung dinilai berhasil.", []),
    ("Pemkab Sleman menyiapkan masterplan smart regency.", []),
    ("Warga menyebut aplikasi itu cerdas dan mudah.", []),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_dimension_mentions(tag, text, expected):
    doc = tag(text)  # keep the Doc alive while reading its spans
    assert [s._.dimensions["dimension"] for s in doc.spans["dimensions"]] == expected


def test_table_is_large_enough():
    assert len(CASES) >= 80

"""A small registry (agencies, job orders) and a CEK by SMS, shared by the verification tests."""

AGENCIES = """licence_no,name,address,valid_until,status
SIP3MI-001/2024,PT Maju Jaya Abadi,Malang,2027-06-30,active
SIP3MI-002/2024,PT Bina Karya Sentosa,Blitar,2025-01-31,active
SIP3MI-003/2023,PT Cahaya Tenaga Mandiri,Kediri,2027-06-30,revoked
SIP3MI-004/2024,PT Duta Sarana,Jember,2027-06-30,suspended
SIP3MI-005/2024,PT Mitra Global Utama,Surabaya,2027-06-30,active
SIP3MI-006/2024,PT Mitra Global Usaha,Surabaya,2027-06-30,active
SIP3MI-007/2024,PT Mitra Global Unggul,Surabaya,2027-06-30,active
"""
JOB_ORDERS = """code,licence_no,country,occupation,employer_type,positions,valid_until,status
JO-TW-0001,SIP3MI-001/2024,TW,pengasuh lansia,individual,5,2027-03-31,active
JO-SA-0002,SIP3MI-001/2024,SA,pengurus rumah tangga,individual,10,2027-03-31,active
JO-MY-0003,SIP3MI-001/2024,MY,operator pabrik,company,40,2027-03-31,active
JO-KH-0004,SIP3MI-001/2024,KH,operator,company,3,2027-03-31,active
JO-TW-0005,SIP3MI-002/2024,TW,operator pabrik,company,3,2027-03-31,active
JO-HK-0006,SIP3MI-001/2024,HK,pengasuh anak,individual,1,2027-03-31,closed
"""
ASKER = "+6281234567890"


def cek(client, query, msg_id=None, sender=ASKER):
    """The answer to `CEK query` by SMS."""
    from tests.conftest import sms  # not at the top: conftest imports this module

    return sms(client, f"CEK {query}", sender=sender, msg_id=msg_id)[-1]

import { auc, labelsFromJson } from './evaluate'

describe('evaluation helpers', () => {
  it('reads labels another population writes, whatever their field names', () => {
    expect(labelsFromJson([{ id: 'A-1', label: 'pattern', archetype: 'laptop-farm', ring: 'R1', nameOrigin: 'korean', residence: 'US' }, { external_id: 'B-2', is_fraud: false }])).toEqual([
      { id: 'A-1', label: 'pattern', archetype: 'laptop-farm', ring: 'R1', nameOrigin: 'korean', residence: 'US' },
      { id: 'B-2', label: 'benign', archetype: '', ring: '' },
    ])
    expect(labelsFromJson({ 'C-3.json': 'fraud', 'D-4': { class: 'benign', scenario: 'moved-house' } })).toEqual([
      { id: 'C-3', label: 'pattern', archetype: '', ring: '' },
      { id: 'D-4', label: 'benign', archetype: 'moved-house', ring: '' },
    ])
    expect(labelsFromJson({ labels: [{ id: 'E-5', label: 1 }] })[0]).toMatchObject({ id: 'E-5', label: 'pattern' })
  })

  it('computes AUC with ties counted half', () => {
    expect(auc([3, 4], [1, 2])).toBe(1)
    expect(auc([2], [2])).toBe(0.5)
  })
})
